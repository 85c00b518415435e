/**
 * What a new password must be: at least 10 characters (code points, so that a Japanese password
 * counts its characters, not its UTF-16 units), at most 1,024, and not the account's e-mail
 * address or the part of it before the `@`. Nothing else is imposed (NIST SP 800-63B: length
 * over composition rules).
 */
import { ServerError, type FieldError } from '../http/server-error.js';

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 1024;

const fold = (value: string): string => value.normalize('NFKC').toLowerCase().trim();

/**
 * Throws ERR_ACCOUNT_PASSWORD_TOO_SHORT, ERR_ACCOUNT_PASSWORD_TOO_LONG or
 * ERR_ACCOUNT_PASSWORD_IS_EMAIL, naming the field (`/password` unless told otherwise).
 */
export const assertPasswordAcceptable = (
  password: string,
  email: string,
  field = '/password',
): void => {
  // NIST SP 800-63B: each code point counts as one character.
  const length = Array.from(password.normalize('NFKC')).length;
  const at = (en: string, ja: string): FieldError[] => [
    { in: 'body', path: field, message: { en, ja } },
  ];
  if (length < PASSWORD_MIN_LENGTH) {
    throw new ServerError('ERR_ACCOUNT_PASSWORD_TOO_SHORT', {
      params: { min: PASSWORD_MIN_LENGTH },
      fields: at(
        `must be at least ${PASSWORD_MIN_LENGTH} characters long`,
        `${PASSWORD_MIN_LENGTH} 文字以上にしてください`,
      ),
    });
  }
  if (length > PASSWORD_MAX_LENGTH) {
    throw new ServerError('ERR_ACCOUNT_PASSWORD_TOO_LONG', {
      params: { max: PASSWORD_MAX_LENGTH },
      fields: at(
        `must be at most ${PASSWORD_MAX_LENGTH} characters long`,
        `${PASSWORD_MAX_LENGTH} 文字以内にしてください`,
      ),
    });
  }
  const folded = fold(password);
  const address = fold(email);
  const localPart = address.slice(0, address.lastIndexOf('@'));
  if (folded === address || folded === localPart) {
    throw new ServerError('ERR_ACCOUNT_PASSWORD_IS_EMAIL', {
      fields: at(
        'must not be your e-mail address',
        'メールアドレスをパスワードにすることはできません',
      ),
    });
  }
};
