/**
 * The true MRZ lines of resources/specimens/documents/, read by eye from the images and checked
 * against resources/specimens/PROVENANCE.md (names, numbers, dates) and against every check digit.
 * 100_id-rou.jpg really carries "132" where the nationality should be (the specimen's own error).
 */
export const SPECIMEN_MRZ: Record<string, string[]> = {
  '100_id-rou.jpg': ['IDROUSAVA<<SUPERMAN<<<<<<<<<<<<<<<<<', 'HD198025<51328505095M130509012049941'],
  '100_pass-chn.jpg': ['P<TWNLIN<<MEI<HUA<<<<<<<<<<<<<<<<<<<<<<<<<<<', '0000000000TWN7601015F1404018A234567893<<<<18'],
  '100_pass-cze.jpg': ['P<CZESPECIMEN<<VZOR<<<<<<<<<<<<<<<<<<<<<<<<<', '99003853<1CZE1101018M1207046110101111<<<<<94'],
  '100_pass-hrv.jpg': ['P<HRVSPECIMEN<<SPECIMEN<<<<<<<<<<<<<<<<<<<<<', '0070070071HRV8212258F1407019<<<<<<<<<<<<<<06'],
  '100_pass-uto.jpg': ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'],
  '62_pass-aus.png': ['P<AUSCITIZEN<<JANE<<<<<<<<<<<<<<<<<<<<<<<<<<', 'PA09404097AUS8406077F1903212<17331334P<<<<08'],
  'passport-td2.jpg': ['I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<', 'D231458907UTO7408122F1204159<<<<<<<6'],
  'passport-td3.jpg': ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'],
}
