package com.bp010.referencial;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class UnitNormalizerTest {
    private static final Map<String, String> STANDARD = new LinkedHashMap<>();

    static {
        STANDARD.put("psi", "pound-force per square inch (gauge)");
        STANDARD.put("ft", "foot");
        STANDARD.put("in", "inch");
        STANDARD.put("lbf", "pound-force");
        STANDARD.put("lbf*in", "pound-force inch");
        STANDARD.put("in*lbf", "inch pound-force");
        STANDARD.put("bbl/d", "barrels per day");
        STANDARD.put("Mscf/d", "thousand standard cubic feet per day");
        STANDARD.put("degF", "degree Fahrenheit");
        STANDARD.put("%", "percent");
        STANDARD.put("%LEL", "percent of lower explosive limit");
        STANDARD.put("kWh", "kilowatt-hour");
        STANDARD.put("A", "ampere");
    }

    private final UnitNormalizer normalizer = new UnitNormalizer(STANDARD);

    @Test
    void shouldNormaliseTheSeedsFieldSpellings_whenWrittenAsTheFieldWritesThem() {
        assertThat(normalizer.normalize("PSI")).contains("psi");
        assertThat(normalizer.normalize("Pies")).contains("ft");
        assertThat(normalizer.normalize("Lbs")).contains("lbf");
        assertThat(normalizer.normalize("Bls/dia")).contains("bbl/d");
        assertThat(normalizer.normalize("Bls/día")).contains("bbl/d");
        assertThat(normalizer.normalize("°F")).contains("degF");
        assertThat(normalizer.normalize("ºF")).contains("degF");
        assertThat(normalizer.normalize("MPCD")).contains("Mscf/d");
        assertThat(normalizer.normalize("lb-pulg")).contains("lbf*in");
        assertThat(normalizer.normalize("pulg-lb")).contains("in*lbf");
        assertThat(normalizer.normalize("lbf·in")).contains("lbf*in");
        assertThat(normalizer.normalize("% LEL")).contains("%LEL");
        assertThat(normalizer.normalize("KWH")).contains("kWh");
        assertThat(normalizer.normalize("Amp")).contains("A");
        assertThat(normalizer.normalize("foot")).contains("ft");
    }

    @Test
    void shouldFindNothing_whenTheUnitIsUnknownOrAbsolute() {
        assertThat(normalizer.normalize("furlongs/fortnight")).isEmpty();
        assertThat(normalizer.normalize("psia")).isEmpty();
        assertThat(normalizer.normalize("")).isEmpty();
        assertThat(normalizer.normalize(null)).isEmpty();
    }

    @Test
    void shouldIgnoreAnAlias_whenItsStandardSymbolIsNotInTheCatalogue() {
        assertThat(normalizer.normalize("Volts")).isEmpty();
    }

    @Property
    void shouldResolveAnySymbol_whenCaseAndSurroundingBlanksChange(@ForAll("symbols") String symbol,
            @ForAll boolean upper, @ForAll("blanks") String before, @ForAll("blanks") String after) {
        String raw = before + (upper ? symbol.toUpperCase() : symbol.toLowerCase()) + after;
        assertThat(normalizer.normalize(raw)).contains(symbol);
    }

    @Provide
    Arbitrary<String> symbols() {
        return Arbitraries.of(STANDARD.keySet());
    }

    @Provide
    Arbitrary<String> blanks() {
        return Arbitraries.of("", " ", "  ", "\t");
    }
}
