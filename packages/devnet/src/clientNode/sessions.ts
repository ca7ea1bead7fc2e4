import { createSessionId } from './ids.js';
import { verifyWalletSignature } from './signatures.js';

interface WalletSession {
  sessionId: string;
  wallet: string;
  /** Members of a multisig renter; any of them may sign the session id. */
  signers: string[];
}

/**
 * Session ids of one GPU node (`WalletSessionIDManager`): one per renter wallet,
 * created on its first successful wallet-signed call and never rotated.
 */
export class WalletSessions {
  private readonly byWallet = new Map<string, WalletSession>();
  private readonly bySessionId = new Map<string, WalletSession>();

  /** Returns the wallet's existing session id, or creates one. */
  ensure(wallet: string, signers: string[] = []): string {
    const existing = this.byWallet.get(wallet);
    if (existing) return existing.sessionId;
    const session: WalletSession = { sessionId: createSessionId(), wallet, signers: [...signers] };
    this.byWallet.set(wallet, session);
    this.bySessionId.set(session.sessionId, session);
    return session.sessionId;
  }

  sessionIdOf(wallet: string): string | undefined {
    return this.byWallet.get(wallet)?.sessionId;
  }

  /** The renter wallet a signed session id stands for, or `null` (`checkSessionId`). */
  resolve(sessionId: string, sessionIdSign: string): string | null {
    if (sessionId === '' || sessionIdSign === '') return null;
    const session = this.bySessionId.get(sessionId);
    if (!session) return null;
    const signers = [session.wallet, ...session.signers];
    return signers.some((signer) => verifyWalletSignature(sessionId, sessionIdSign, signer))
      ? session.wallet
      : null;
  }
}
