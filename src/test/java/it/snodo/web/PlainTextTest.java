package it.snodo.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The texts {@link PlainText} refuses and keeps; the codes are made from the pattern, no person's. */
class PlainTextTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "AAAAAA00A00A000A",
                "aaaaaa00a00a000a",
                "AAAAAALMALMALMNA",
                "sportello-AAAAAA00A00A000A",
                "AAAAAA00A00A000A.2026",
                "Volontari di AaAaAa00a00A000a e amici",
                "x_AAAAAA00A00A000A"
            })
    void aTokenShapedLikeAPersonalFiscalCodeIsRefused(String text) {
        assertThat(PlainText.Validator.problem(text)).contains("fiscal code");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "AAAAAA00A00A000",
                "AAAAAA00A00A000AB",
                "1AAAAAA00A00A000A",
                "AAAAAA00A00A000A1",
                "AAAAAA0WA00A000A",
                "12345678903",
                "poverta_disagio_adulti.strutture_residenziali",
                "Cooperativa Esempio Abitare – Rho",
                "Società Cooperativa «Il Sentiero»",
                "ambito-rhodense"
            })
    void otherTextsAreKept(String text) {
        assertThat(PlainText.Validator.problem(text)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\u0000b", "a\tb", "a\nb", "a\u007fb", "a\u0085b", "a\u009fb"})
    void controlCharactersAreRefused(String text) {
        assertThat(PlainText.Validator.problem(text)).contains("control characters");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\u202Ab", "a\u202Eb", "a\u2066b", "a\u2069b", "a\u200Eb", "a\u200Fb", "a\u061Cb"})
    void bidirectionalControlsAreRefused(String text) {
        assertThat(PlainText.Validator.problem(text)).contains("bidirectional");
    }
}
