package it.snodo.network;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FiscalCodeTest {

    @ParameterizedTest
    @CsvSource({
        "12345678903, true",
        "12345678901, false",
        "00743110157, true",
        "00743110158, false",
        "1234567890, false",
        "1234567890A, false",
        "RSSMRA80A01F205X, false"
    })
    void acceptsElevenDigitsWithTheirCheckDigit(String code, boolean valid) {
        assertThat(FiscalCode.Validator.isValidCode(code)).isEqualTo(valid);
    }
}
