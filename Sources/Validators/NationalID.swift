/// Personal national identity and tax numbers (the `national_id.*` kinds).
enum NationalID {
    /// The validators this type provides.
    static let validators: [Validator] = [
        Validator("pt_nif") { PortugueseNIF.isValid($0, prefixes: PortugueseNIF.personPrefixes) },
        Validator("pt_nipc") { PortugueseNIF.isValid($0, prefixes: PortugueseNIF.allPrefixes) },
        Validator("es_dni", SpanishTaxID.isDNI),
        Validator("es_nie", SpanishTaxID.isNIE),
        Validator("se_personnummer", SwedishPersonnummer.isValid),
        Validator("us_ssn", USSocialSecurityNumber.isValid),
        Validator("nl_bsn", DutchBSN.isValid),
        Validator("it_codice_fiscale", ItalianCodiceFiscale.isValid),
        Validator("fr_nir", FrenchNIR.isValid),
        Validator("uk_nino", UKNationalInsuranceNumber.isValid),
        Validator("de_steuer_id", GermanTaxID.isValid),
    ]
}
