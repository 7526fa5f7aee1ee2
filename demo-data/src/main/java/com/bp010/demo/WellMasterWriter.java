package com.bp010.demo;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The well master CSV: one row per well with the columns of {@code stage.tbl_pozo_maestra}. */
final class WellMasterWriter {
    static final String HEADER = "well_id,nombre_pozo,campo,yacimiento,latitud,longitud,estado_pozo,"
            + "tipo_levantamiento,fecha_inicio_produccion,profundidad_bomba,profundidad_yacimiento,"
            + "profundidad_media_perforados,presion_estatica_yacimiento,presion_burbuja,temperatura_yacimiento,"
            + "temperatura_superficie,radio_pozo,radio_drenaje,diametro_piston,diametro_tubing,diametro_casing,"
            + "api_gravity,sg_agua,sg_gas,bo,peso_varillas_aire,longitud_sarta_varillas,descripcion_sarta_varillas,"
            + "unidad_bombeo,carrera_maxima_unidad,capacidad_caja_engranajes,potencia_motor_hp";

    private WellMasterWriter() {
    }

    static void write(Path file, List<WellProfile> wells, GeneratorOptions o, List<PlantedFault> planted)
            throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(HEADER + "\n");
            for (int i = 0; i < wells.size(); i++) {
                WellProfile p = wells.get(i);
                double pumpDepth = p.pumpDepthFt();
                double radius = 0.328;
                boolean bad = o.faults().contains(Fault.BAD_MASTER_DATA) && i == wells.size() - 1;
                if (bad) {
                    pumpDepth = p.reservoirDepthFt() + 500;
                    radius = 800;
                    planted.add(new PlantedFault(Fault.BAD_MASTER_DATA, p.wellId(), null, null,
                            "profundidad_bomba=" + pumpDepth, "RC-005"));
                    planted.add(new PlantedFault(Fault.BAD_MASTER_DATA, p.wellId(), null, null,
                            "radio_pozo=" + radius, "RC-006"));
                }
                String[] cells = {
                    p.wellId(), "Pozo " + p.wellId(), p.campo(), "ARENA " + (char) ('A' + i % 3),
                    f(p.latitud(), 5), f(p.longitud(), 5), "ACTIVO", "BM",
                    o.start().atOffset(java.time.ZoneOffset.UTC).toLocalDate().minusYears(3 + i % 7).toString(),
                    f(pumpDepth, 0), f(p.reservoirDepthFt(), 0), f(p.midPerfFt(), 0), f(p.staticPressurePsi(), 0),
                    f(p.staticPressurePsi() * 0.6, 0), f(p.reservoirTempF(), 0), "80", f(radius, 3), "745",
                    f(p.plungerIn(), 2), "2.875", "5.5", f(p.apiGravity(), 1), f(p.sgWater(), 3), f(p.sgGas(), 3),
                    "1.15", f(p.rodWeightAirLbf(), 0), f(p.pumpDepthFt(), 0), "\"7/8 in x 40%, 3/4 in x 60%\"",
                    "C-" + (int) (p.gearboxRatingInLbf() / 1000) + "D-" + (int) (p.strokeIn() + 0.5),
                    f(p.strokeIn(), 0), f(p.gearboxRatingInLbf(), 0), f(p.motorHp(), 0)};
                w.write(String.join(",", cells) + "\n");
            }
        }
    }

    private static String f(double v, int decimals) {
        return NumberFormatter.fixed(v, decimals);
    }
}
