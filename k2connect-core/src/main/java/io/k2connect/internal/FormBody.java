package io.k2connect.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** An {@code application/x-www-form-urlencoded} body, as the OAuth endpoints want it. */
public final class FormBody {

	/** The form content type. */
	public static final String CONTENT_TYPE = "application/x-www-form-urlencoded";

	private final Map<String, String> fields = new LinkedHashMap<>();

	/** Adds a field. */
	public FormBody add(String name, String value) {
		this.fields.put(name, value);
		return this;
	}

	/** The encoded body. */
	public byte[] toBytes() {
		StringBuilder body = new StringBuilder();
		this.fields.forEach((name, value) -> {
			if (body.length() > 0) {
				body.append('&');
			}
			body.append(URLEncoder.encode(name, StandardCharsets.UTF_8))
				.append('=')
				.append(URLEncoder.encode(value, StandardCharsets.UTF_8));
		});
		return body.toString().getBytes(StandardCharsets.UTF_8);
	}

}
