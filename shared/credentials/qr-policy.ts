// Time rules every issuer and the kiosk's verifier share (docs/qr-credential-format.md, "Validity").

/** A phone code lives this long: long enough to walk to the door, too short for a screenshot to be useful later. */
export const PHONE_CODE_LIFETIME_SECONDS = 60;
/** The kiosk refuses a phone code whose issuer gave it a longer life than this. */
export const PHONE_CODE_MAX_LIFETIME_SECONDS = 90;
/** How far the issuer's clock (a phone, the city) and the kiosk's clock may disagree, each way. */
export const CLOCK_SKEW_SECONDS = 30;
