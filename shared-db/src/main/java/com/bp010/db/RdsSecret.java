package com.bp010.db;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The JSON of an RDS database secret: {@code {"engine","host","port","dbname","username","password"}}. Fields an
 * RDS-managed secret lacks (host, dbname, port) come from {@code DB_HOST}, {@code DB_NAME}, {@code DB_PORT}, which
 * also override the secret when set. {@link #toString()} never shows the password.
 */
public record RdsSecret(String host, int port, String dbname, String username, String password) {

    public static RdsSecret parse(String secretName, String json, DbConfig overrides) {
        JsonNode node;
        try {
            node = Json.mapper().readTree(json);
        } catch (Exception e) {
            throw new Bp010Exception(ErrorCode.SECRETS, "Secret " + secretName + " is not JSON: an RDS secret holds"
                    + " {\"host\",\"port\",\"dbname\",\"username\",\"password\"}").with("secret", secretName);
        }
        if (node == null || !node.isObject()) {
            throw new Bp010Exception(ErrorCode.SECRETS, "Secret " + secretName + " is not a JSON object")
                    .with("secret", secretName);
        }
        String host = overrides.host().orElseGet(() -> text(node, "host"));
        String dbname = overrides.databaseName().orElseGet(() -> text(node, "dbname"));
        String portText = overrides.port().map(String::valueOf).orElseGet(() -> text(node, "port"));
        String username = text(node, "username");
        String password = text(node, "password");
        require(secretName, "host (or DB_HOST)", host);
        require(secretName, "dbname (or DB_NAME)", dbname);
        require(secretName, "username", username);
        require(secretName, "password", password);
        int port;
        try {
            port = portText == null ? 5432 : Integer.parseInt(portText.trim());
            if (port < 1 || port > 65_535) {
                throw new NumberFormatException("out of range");
            }
        } catch (NumberFormatException e) {
            throw new Bp010Exception(ErrorCode.SECRETS, "Secret " + secretName + " has a port that is not a TCP port (1-65535): '"
                    + portText + "'").with("secret", secretName);
        }
        return new RdsSecret(host, port, dbname, username, password);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static void require(String secretName, String field, String value) {
        if (value == null || value.isBlank()) {
            throw new Bp010Exception(ErrorCode.SECRETS, "Secret " + secretName + " lacks " + field)
                    .with("secret", secretName).with("field", field);
        }
    }

    @Override
    public String toString() {
        return "RdsSecret[host=" + host + ", port=" + port + ", dbname=" + dbname + ", username=" + username
                + ", password=****]";
    }
}
