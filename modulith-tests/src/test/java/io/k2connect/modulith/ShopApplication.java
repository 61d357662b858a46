package io.k2connect.modulith;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableAsync;

/**
 * A Spring Modulith application with one module, {@code orders}, that hears about K2
 * payments through {@code @ApplicationModuleListener}.
 */
@SpringBootApplication
@EnableAsync
public class ShopApplication {

}
