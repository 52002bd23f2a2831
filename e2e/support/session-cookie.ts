/** The session cookie's name on the production server (`npm start` sets NODE_ENV=production: Secure cookies, __Secure- prefix). */
export const SESSION_COOKIE_NAME = "__Secure-next-auth.session-token";
