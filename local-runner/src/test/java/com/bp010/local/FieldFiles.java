package com.bp010.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Small ingest files written by hand for the tests of the published numbers: a well master and telemetry CSV in the
 * formats STAGE INGEST reads ({@code well_id,var_id,timestamp_lectura,measure}), with the SCADA ids of the config.
 */
final class FieldFiles {
    static final String OIL_RATE = "IDN5001";
    static final String WATER_RATE = "IDN5002";
    static final String LIQUID_RATE = "IDN5004";
    static final String SPM = "IDN2001";
    static final String STROKE_LENGTH = "IDN2002";
    static final String RUN_STATUS = "IDN2007";
    static final String RUNTIME_HOURS = "IDN2010";
    static final String STROKE_COUNTER = "IDN2011";
    static final String RUNTIME_TODAY = "IDN2005";
    static final String PUMP_OFFS_TODAY = "IDN2012";
    static final String MOTOR_POWER = "IDN4003";
    static final String ENERGY = "IDN4005";
    static final String WHP = "IDN1001";
    static final String CHP = "IDN1002";
    static final String FLUID_LEVEL = "IDN6001";
    static final String PIP = "IDN6002";
    static final String BHP = "IDN6005";
    static final String BSW = "IDN5005";

    private final List<String> lines = new ArrayList<>(List.of("well_id,var_id,timestamp_lectura,measure"));

    /** One reading; {@code timestamp} as it would appear in the file (with or without an offset). */
    FieldFiles reading(String well, String varId, String timestamp, Object value) {
        String text = value instanceof Double d ? String.format(Locale.ROOT, "%s", d) : String.valueOf(value);
        lines.add(well + "," + varId + "," + timestamp + "," + text);
        return this;
    }

    /** Writes the telemetry file {@code landing_scada_data_<name>.csv} into {@code dir} and returns its path. */
    Path write(Path dir, String name) {
        return write(dir.resolve("landing_scada_data_" + name + ".csv"), lines);
    }

    /** The oracle well's master rows (docs/DOMAIN.md §2: pump 5,000 ft, 35 API, water SG 1.07, plunger 1.5 in, 9,350 lbf rods). */
    static Path master(Path dir, String... wells) {
        List<String> rows = new ArrayList<>(List.of("well_id,campo,profundidad_bomba,profundidad_media_perforados,"
                + "profundidad_yacimiento,presion_estatica_yacimiento,radio_pozo,radio_drenaje,diametro_piston,"
                + "api_gravity,sg_agua,peso_varillas_aire,potencia_motor_hp"));
        for (String well : wells) {
            rows.add(well + ",CAMPO-T,5000,5200,5300,2000,0.328,745,1.5,35,1.07,9350,30");
        }
        return write(dir.resolve("tbl_maestra_pozos.csv"), rows);
    }

    private static Path write(Path file, List<String> rows) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, rows, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
