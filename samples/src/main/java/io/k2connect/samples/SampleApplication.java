package io.k2connect.samples;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * A small shop that takes M-PESA payments through k2connect. By default it runs on the
 * embedded K2 simulator ({@code k2.simulator.enabled=true}): no credentials, no internet.
 * With the {@code sandbox} profile and real credentials it talks to K2's sandbox.
 */
@SpringBootApplication
@EnableConfigurationProperties(ShopProperties.class)
public class SampleApplication {

	public static void main(String[] args) {
		SpringApplication.run(SampleApplication.class, args);
	}

}
