// The Electron shell's secret store: the core's file store sealed with safeStorage (DPAPI on Windows, the Keychain
// on macOS, libsecret or kwallet on Linux). Call only after app 'ready' (safeStorage needs it on Linux). Where the
// keystore protects nothing (a Linux desktop without a keyring), it falls back to the plain 0600 file, says so in
// the log, and the kiosk's status shows staff a warning.
import { safeStorage } from 'electron';
import { FileSecretStore, keystoreProblem, type SecretCipher } from '../core/files/secret-store.js';

export function electronSecretStore(dataDir: string, log: (line: string) => void): FileSecretStore {
  const problem = keystoreProblem({
    encryptionAvailable: safeStorage.isEncryptionAvailable(),
    platform: process.platform,
    linuxBackend: process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : null,
  });
  if (problem) {
    log(`[secrets] WARNING: ${problem}; the city token is kept in a 0600 file, unencrypted`);
    return new FileSecretStore(dataDir, { cipher: null, fallback: true, log });
  }
  const cipher: SecretCipher = {
    encrypt: (plain) => safeStorage.encryptString(plain),
    decrypt: (sealed) => safeStorage.decryptString(sealed),
  };
  return new FileSecretStore(dataDir, { cipher, log });
}
