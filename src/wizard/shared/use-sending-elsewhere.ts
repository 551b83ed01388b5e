import { useEffect, useState } from 'react';
import { sendLocks } from '../../submission/send-lock';

/** How often a waiting tab looks whether the other tab has finished sending. */
const LOCK_POLL_MS = 750;

/**
 * True while another tab of this browser is sending an import (it holds the sending lock); turns
 * false by itself when that tab finishes or is closed, so a waiting tab needs no reload.
 */
export function useSendingElsewhere(): boolean {
  const [elsewhere, setElsewhere] = useState(false);
  useEffect(() => {
    let live = true;
    const check = () =>
      void sendLocks.sendingElsewhere().then(
        (held) => live && setElsewhere(held),
        () => undefined,
      );
    check();
    const timer = setInterval(check, LOCK_POLL_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, []);
  return elsewhere;
}
