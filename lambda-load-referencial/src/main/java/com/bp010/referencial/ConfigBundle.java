package com.bp010.referencial;

import com.bp010.db.Bp010Exception;
import com.bp010.db.ErrorCode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The seven config files of one load (docs/CONTRACTS.md §5), by their names in the seed (docs/SEED.md 2.1), wherever they came from. Names match exactly,
 * or ignoring case; the limits file is any {@code Rangos_validacion*.py} (exactly one).
 */
public final class ConfigBundle {
    public static final String UNITS = "06_unidades_standar.csv";
    public static final String RAW_UNITS = "05_unidades.csv";
    public static final String PANELS = "hoja_validacion.csv";
    public static final String VARIABLES = "Variables_ID_stage.csv";
    public static final String RULES = "02_reglas_calidad.csv";
    public static final String LIMITS_SEED_NAME = "Rangos_validacion_variables_petroleras_limpio.py";
    public static final String PIVOT = "V1__stage_to_stage.sql";
    /**
     * Project overlay: the counter kind per variable. Optional only when the variables file has its own tipo_contador
     * column; without either the load is refused (VariablesFileReader).
     */
    public static final String COUNTER_KINDS = "tipos_contador.csv";
    private static final Pattern LIMITS = Pattern.compile("(?i)rangos_validacion.*\\.py");

    private final String location;
    private final Map<String, ConfigFile> files;

    private ConfigBundle(String location, Map<String, ConfigFile> files) {
        this.location = location;
        this.files = files;
    }

    /**
     * Picks the seven files among {@code available} names (as listed by the source) and reads them with
     * {@code reader}. Fails naming every file that is missing.
     */
    public static ConfigBundle select(String location, List<String> available, Function<String, byte[]> reader) {
        Map<String, String> chosen = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (String wanted : List.of(UNITS, RAW_UNITS, PANELS, VARIABLES, RULES, PIVOT)) {
            find(available, wanted).ifPresentOrElse(n -> chosen.put(wanted, n), () -> missing.add(wanted));
        }
        find(available, COUNTER_KINDS).ifPresent(n -> chosen.put(COUNTER_KINDS, n));
        List<String> limits = available.stream().filter(n -> LIMITS.matcher(n).matches()).toList();
        if (limits.size() == 1) {
            chosen.put(LIMITS_SEED_NAME, limits.get(0));
        } else if (limits.isEmpty()) {
            missing.add("Rangos_validacion*.py");
        } else {
            throw new Bp010Exception(ErrorCode.BAD_INPUT, "More than one limits file in " + location + ": " + limits
                    + "; keep exactly one Rangos_validacion*.py").with("location", location);
        }
        if (!missing.isEmpty()) {
            throw new Bp010Exception(ErrorCode.BAD_INPUT, "Config files missing in " + location + ": "
                    + String.join(", ", missing) + "; nothing was loaded: put them there (the repository's config/"
                    + " holds the whole set) or give configLocation a location that has all of them")
                    .with("location", location).with("missing", missing);
        }
        Map<String, ConfigFile> files = new LinkedHashMap<>();
        chosen.forEach((role, name) -> files.put(role, new ConfigFile(name, reader.apply(name))));
        return new ConfigBundle(location, files);
    }

    private static Optional<String> find(List<String> available, String wanted) {
        return available.stream().filter(wanted::equals).findFirst()
                .or(() -> available.stream().filter(n -> n.toLowerCase(Locale.ROOT).equals(wanted.toLowerCase(Locale.ROOT)))
                        .findFirst());
    }

    public String location() {
        return location;
    }

    /** An optional file (the counter-kinds overlay), when the source has it. */
    public Optional<ConfigFile> optionalFile(String role) {
        return Optional.ofNullable(files.get(role));
    }

    /** The file playing a role (one of the constants of this class; the limits file under its seed name). */
    public ConfigFile file(String role) {
        return files.get(role);
    }

    public Map<String, ConfigFile> files() {
        return Map.copyOf(files);
    }
}
