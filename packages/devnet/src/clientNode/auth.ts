import type { ChainMachineStatus } from './chainView.js';
import type { ClientRequest } from './envelope.js';
import type { RentOrderBook } from './rentOrders.js';
import type { WalletSessions } from './sessions.js';
import { deriveMultisigAddress, verifyWalletSignature } from './signatures.js';

/** How the caller proved it is the renter; `mining_nodes/session_id` only serves `wallet`. */
export type RenterRole = 'wallet' | 'session';

export type Authority = { ok: true; wallet: string; role: RenterRole } | { ok: false; reason: string };

/** What `check_authority` needs to know about the node's machine. */
export interface AuthorityContext {
  /** `unknown` when the chain could not be read. */
  machineStatus: ChainMachineStatus | 'unknown';
  orders: RentOrderBook;
  sessions: WalletSessions;
}

function verifiedWallet(request: ClientRequest): string | null {
  const { wallet, nonce, sign } = request;
  if (wallet === '' || nonce === '' || sign === '') return null;
  return verifyWalletSignature(nonce, sign, wallet) ? wallet : null;
}

// check_nonce for multisig: every listed signature must be valid and come from a member.
function verifiedMultisig(request: ClientRequest): { address: string; signers: string[] } | null {
  const multisig = request.multisig;
  if (!multisig || multisig.wallets.length === 0 || multisig.signs.length === 0 || multisig.threshold <= 0) {
    return null;
  }
  if (multisig.threshold > multisig.wallets.length || multisig.threshold > multisig.signs.length) return null;
  const allValid = multisig.signs.every(
    (item) =>
      multisig.wallets.includes(item.wallet) &&
      item.nonce !== '' &&
      item.sign !== '' &&
      verifyWalletSignature(item.nonce, item.sign, item.wallet),
  );
  if (!allValid) return null;
  const address = deriveMultisigAddress(multisig.wallets, multisig.threshold);
  return address ? { address, signers: multisig.wallets } : null;
}

/**
 * `node_request_service::check_authority` for a compute node: the machine must be rented
 * and the caller must rent the order named by `rent_order`. A successful wallet-signed call
 * creates the wallet's session id, which later calls may use instead of a signature.
 */
export async function checkAuthority(request: ClientRequest, context: AuthorityContext): Promise<Authority> {
  const { machineStatus, orders, sessions } = context;

  if (machineStatus === 'verifying') {
    // Only the committee members assigned to verify the machine get in, and only inside
    // their window; the devnet has no committees, so a valid signature is never enough.
    const signed = verifiedMultisig(request) !== null || verifiedWallet(request) !== null;
    return { ok: false, reason: signed ? 'not in verify time' : 'nonce check failed' };
  }
  if (machineStatus === 'online') return { ok: false, reason: 'machine is not be rented' };
  if (machineStatus !== 'rented') return { ok: false, reason: 'query machine_status failed' };

  await orders.refresh(request.rentOrder);

  const sessionWallet = sessions.resolve(request.sessionId, request.sessionIdSign);
  if (sessionWallet) {
    return orders.check(request.rentOrder, sessionWallet) === 'renting'
      ? { ok: true, wallet: sessionWallet, role: 'session' }
      : { ok: false, reason: 'machine has already expired' };
  }

  const multisig = verifiedMultisig(request);
  const wallet = verifiedWallet(request);
  if (!multisig && !wallet) {
    const triedSession = request.sessionId !== '' && request.sessionIdSign !== '';
    return { ok: false, reason: triedSession ? 'session_id is invalid' : 'nonce check failed' };
  }
  if (multisig && orders.check(request.rentOrder, multisig.address) === 'renting') {
    sessions.ensure(multisig.address, multisig.signers);
    return { ok: true, wallet: multisig.address, role: 'wallet' };
  }
  if (wallet && orders.check(request.rentOrder, wallet) === 'renting') {
    sessions.ensure(wallet);
    return { ok: true, wallet, role: 'wallet' };
  }
  return { ok: false, reason: 'wallet not rented' };
}
