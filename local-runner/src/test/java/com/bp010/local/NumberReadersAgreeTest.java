package com.bp010.local;

import com.bp010.ingest.IngestNumbers;
import com.bp010.referencial.ReferenceNumbers;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Example;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ingest (telemetry values) and the reference loader (catalogue numbers) read the same text in a file of the same
 * delimiter as the same number, or both refuse it: decimal commas, thousands separators, signs, exponents, units,
 * non-finite values. Both go through their own file readers; the rules live once, in shared-db's FieldNumber.
 */
class NumberReadersAgreeTest {
    @Provide
    Arbitrary<String> numberish() {
        Arbitrary<String> pieces = Arbitraries.of("0", "1", "12", "234", "5678", "1,234", "1.234", ".", ",", " ",
                "\u00a0", "-", "+", "e", "E-", "e+", "3", "000", "NaN", "inf", "Infinity", " psi", "%", "bbl", "1e999",
                "9", "1 234", "1.234.567", "1,234,567", ",5", ".5");
        return pieces.list().ofMinSize(1).ofMaxSize(6).map(l -> String.join("", l));
    }

    @Example
    void shouldReadFieldSpellings_whenEitherModuleReadsThem() {
        for (char d : new char[] {',', ';'}) {
            assertThat(IngestNumbers.read("1.234,5", d)).isEqualTo(1234.5).isEqualTo(ReferenceNumbers.read("1.234,5", d));
            assertThat(IngestNumbers.read("1 234,5", d)).isEqualTo(1234.5).isEqualTo(ReferenceNumbers.read("1 234,5", d));
            assertThat(IngestNumbers.read("5.", d)).isEqualTo(5.0).isEqualTo(ReferenceNumbers.read("5.", d));
            assertThat(IngestNumbers.read("-2e3", d)).isEqualTo(-2000.0).isEqualTo(ReferenceNumbers.read("-2e3", d));
            assertThat(IngestNumbers.read("144 psi", d)).isNull();
            assertThat(ReferenceNumbers.read("144 psi", d)).isNull();
        }
        assertThat(IngestNumbers.read("1,234", ',')).isNull();
        assertThat(ReferenceNumbers.read("1,234", ',')).isNull();
        assertThat(IngestNumbers.read("1,234", ';')).isEqualTo(1.234).isEqualTo(ReferenceNumbers.read("1,234", ';'));
    }

    @Property(tries = 1500)
    void shouldReadTheSameNumberOrRefuseBoth_whenBothModulesReadTheSameText(@ForAll("numberish") String text,
                                                                         @ForAll boolean semicolon) {
        char delimiter = semicolon ? ';' : ',';
        Double ingest = IngestNumbers.read(text, delimiter);
        Double reference = ReferenceNumbers.read(text, delimiter);

        assertThat(ingest).as("'%s' in a '%s' file: ingest %s, reference loader %s", text, delimiter, ingest,
                reference).isEqualTo(reference);
    }
}
