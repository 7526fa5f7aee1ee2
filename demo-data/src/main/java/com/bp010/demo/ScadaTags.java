package com.bp010.demo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The 65 SCADA tags of the legacy pivot ({@code config/V1__stage_to_stage.sql}): SCADA id and stage column. Two are
 * text (the cards); the rest are numbers.
 */
public final class ScadaTags {
    /** One SCADA tag: its id in the SCADA system and the stage column it fills. */
    public record Tag(int index, String id, String column) {
        public boolean isText() {
            return column.equals("dynacard") || column.equals("downhole_card");
        }
    }

    public static final List<Tag> ALL;
    private static final Map<String, Tag> BY_COLUMN = new HashMap<>();
    private static int next;

    static {
        ALL = List.of(
            tag("IDN1001", "well_head_pressure"),
            tag("IDN1002", "casing_head_pressure"),
            tag("IDN1003", "flow_line_pressure"),
            tag("IDN1004", "separator_pressure"),
            tag("IDN1101", "wellhead_temperature"),
            tag("IDN1102", "flow_line_temperature"),
            tag("IDN1103", "ambient_temperature"),
            tag("IDN2001", "strokes_per_minute"),
            tag("IDN2002", "stroke_length"),
            tag("IDN2003", "pump_fillage"),
            tag("IDN2004", "cycles_today"),
            tag("IDN2005", "runtime_today_hours"),
            tag("IDN2006", "idle_time_today_hours"),
            tag("IDN2007", "run_status"),
            tag("IDN2008", "vfd_frequency"),
            tag("IDN2009", "motor_speed_rpm"),
            tag("IDN2010", "runtime_hours"),
            tag("IDN2011", "stroke_counter"),
            tag("IDN2012", "pump_off_count_today"),
            tag("IDN2013", "controller_mode"),
            tag("IDN3001", "max_rod_load"),
            tag("IDN3002", "min_rod_load"),
            tag("IDN3003", "card_area"),
            tag("IDN3004", "gearbox_torque"),
            tag("IDN3005", "structure_load_pct"),
            tag("IDN3006", "counterbalance_effect"),
            tag("IDN3007", "polished_rod_hp"),
            tag("IDN3008", "fluid_load"),
            tag("IDN3009", "plunger_stroke"),
            tag("IDN3010", "rod_stress_pct"),
            tag("IDN3011", "gearbox_load_pct"),
            tag("IDN4001", "motor_current"),
            tag("IDN4002", "motor_voltage"),
            tag("IDN4003", "motor_power"),
            tag("IDN4004", "power_factor"),
            tag("IDN4005", "energy_kwh"),
            tag("IDN4006", "motor_temperature"),
            tag("IDN4007", "current_imbalance_pct"),
            tag("IDN5001", "oil_rate"),
            tag("IDN5002", "water_rate"),
            tag("IDN5003", "gas_rate"),
            tag("IDN5004", "liquid_rate"),
            tag("IDN5005", "bsw"),
            tag("IDN5006", "gor"),
            tag("IDN5007", "inferred_production"),
            tag("IDN5008", "casing_gas_rate"),
            tag("IDN5009", "chemical_injection_rate"),
            tag("IDN5010", "tank_level"),
            tag("IDN6001", "fluid_level"),
            tag("IDN6002", "pump_intake_pressure"),
            tag("IDN6003", "pump_intake_temperature"),
            tag("IDN6004", "pump_discharge_pressure"),
            tag("IDN6005", "bottom_hole_pressure"),
            tag("IDN6006", "bottom_hole_temperature"),
            tag("IDN6007", "pump_efficiency_ctrl"),
            tag("IDN6008", "pump_submergence"),
            tag("IDN7001", "dynacard"),
            tag("IDN7002", "downhole_card"),
            tag("IDN8001", "vibration_level"),
            tag("IDN8002", "h2s_concentration"),
            tag("IDN8003", "gas_detector_lel_pct"),
            tag("IDN8004", "rtu_battery_voltage"),
            tag("IDN8005", "signal_strength"),
            tag("IDN8006", "alarm_code"),
            tag("IDN8007", "sand_content_ppm")
        );
        for (Tag t : ALL) {
            BY_COLUMN.put(t.column(), t);
        }
    }

    private ScadaTags() {
    }

    private static Tag tag(String id, String column) {
        return new Tag(next++, id, column);
    }

    /** The tag filling {@code column}; throws when no tag does. */
    public static Tag byColumn(String column) {
        Tag t = BY_COLUMN.get(column);
        if (t == null) {
            throw new IllegalArgumentException("no SCADA tag for column " + column);
        }
        return t;
    }

    public static int index(String column) {
        return byColumn(column).index();
    }
}
