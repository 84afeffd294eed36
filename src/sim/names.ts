/** Synthetic name parts: combined at random, so no person in the world is anyone real. */
export const familyNames = [
  'ALDER', 'BRANT', 'CASTELL', 'DORAN', 'ESTRIN', 'FARROW', 'GALVEZ', 'HOLLIS', 'IBARRO', 'JENSEN', 'KOVAR', 'LINDQVIST',
  'MORALDO', 'NAVARETTE', 'OKONKWO', 'PELLIN', 'QUIRANTE', 'ROSTAND', 'SALVADI', 'TREMAINE', 'URQUIDE', 'VALDERO', 'WEXLER', 'YBARRE', 'ZAMORANO',
];
export const givenNames = [
  'ALEX', 'BRIN', 'CARMEN', 'DARIO', 'ELENA', 'FELIX', 'GRACIELA', 'HUGO', 'INES', 'JONAH', 'KARIM', 'LUCIA', 'MATEO', 'NADIA',
  'OSCAR', 'PAULA', 'QUINN', 'RAFAEL', 'SOFIA', 'TOMAS', 'URSULA', 'VICTOR', 'WENDA', 'XIMENA', 'YUSUF', 'ZOE',
];
/** Places of birth (country codes) by citizenship group. */
export const foreignBirthplaces = ['MX', 'GT', 'SV', 'HN', 'CN', 'IN', 'PH', 'VN', 'DO', 'CU', 'HT', 'CO', 'NG', 'PL'];
export const usBirthplaces = ['TX', 'CA', 'IL', 'CT', 'MA', 'NY', 'FL', 'AZ', 'OH', 'PA'];
