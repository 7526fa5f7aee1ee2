package com.bp010.ingest;

import com.bp010.db.Bp010Exception;
import com.bp010.db.ErrorCode;
import com.bp010.db.Json;
import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;

/** The SCADA API secret {@code {"base_url": "...", "token": "..."}}. The token is never logged or printed. */
record ApiCredentials(URI baseUrl, String token) {

    public static ApiCredentials parse(String secretName, String secretString) {
        try {
            JsonNode json = Json.mapper().readTree(secretString);
            String base = json.path("base_url").asText("");
            String token = json.path("token").asText("");
            if (base.isBlank() || token.isBlank()) {
                throw new Bp010Exception(ErrorCode.SECRETS, "Secret " + secretName
                        + " must hold {\"base_url\": \"https://...\", \"token\": \"...\"}").with("secret", secretName);
            }
            URI uri = URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
            if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
                throw new Bp010Exception(ErrorCode.SECRETS, "Secret " + secretName + ": base_url must be an http(s) "
                        + "URL").with("secret", secretName);
            }
            return new ApiCredentials(uri, token);
        } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
            throw new Bp010Exception(ErrorCode.SECRETS, "Secret " + secretName + " is not the JSON "
                    + "{\"base_url\", \"token\"}").with("secret", secretName);
        }
    }

    @Override
    public String toString() {
        return "ApiCredentials[baseUrl=" + baseUrl + ", token=****]";
    }
}
