package com.bp010.referencial;

import com.bp010.db.Bp010Exception;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ConfigBundleTest {
    @Test
    void shouldNameTheMissingFilesAndWhatToDo_whenTheLocationLacksSome() {
        List<String> available = List.of(ConfigBundle.UNITS, ConfigBundle.RAW_UNITS, ConfigBundle.PANELS,
                ConfigBundle.VARIABLES, ConfigBundle.PIVOT, ConfigBundle.LIMITS_SEED_NAME);

        Bp010Exception e = catchThrowableOfType(() -> ConfigBundle.select("file:///tmp/cfg/", available,
                name -> new byte[0]), Bp010Exception.class);

        assertThat(e.reason()).isEqualTo("Config files missing in file:///tmp/cfg/: 02_reglas_calidad.csv; nothing"
                + " was loaded: put them there (the repository's config/ holds the whole set) or give configLocation"
                + " a location that has all of them");
        assertThat(e.detail("missing")).isEqualTo(List.of("02_reglas_calidad.csv"));
    }
}
