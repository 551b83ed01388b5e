import { useWorkspaces } from '../api/get-workspaces';
import { WhispirApiError } from '../api/whispir-http';
import { IS_SANDBOX, TARGET_LABEL } from '../config/build-info';
import { OVER_QPD, OVER_QPS } from '../domain/whispir/error-message';

function explain(error: Error): string {
  if (!(error instanceof WhispirApiError)) return error.message;
  // The app's own server said no (its sign-in, its rules): nothing reached Whispir.
  if (error.proxyRule) return error.message;
  if (error.errorCode === OVER_QPS)
    return 'Whispir is limiting requests for this API key right now; the import will slow down and retry.';
  if (error.errorCode === OVER_QPD)
    return 'This API key has used its requests for today. Try again tomorrow or ask Whispir for a higher limit.';
  // Whispir's own reason comes first where it gives one (an IP address not on the account's
  // allow list answers 401 like a wrong password).
  const said = error.reason ? ` Whispir says: ${error.reason}` : '';
  switch (error.status) {
    case 401:
      return error.reason
        ? `Whispir refused the sign-in.${said} (Credentials set on the server: WHISPIR_USERNAME / WHISPIR_PASSWORD or WHISPIR_BEARER_TOKEN.)`
        : 'Whispir rejected the username or password set on the server (WHISPIR_USERNAME / WHISPIR_PASSWORD or WHISPIR_BEARER_TOKEN).';
    case 403:
      return error.reason
        ? `Whispir refused the call.${said} (API key set on the server: WHISPIR_API_KEY.)`
        : 'Whispir refused the API key set on the server (WHISPIR_API_KEY).';
    case 0:
    case 502:
    case 503:
    case 504:
      return IS_SANDBOX
        ? `The sandbox could not be reached at ${TARGET_LABEL}. Check that it is running (npm run sandbox).`
        : `Whispir could not be reached at ${TARGET_LABEL}. Check the network, and WHISPIR_REGION or WHISPIR_API_URL on the server.`;
    default:
      return error.message;
  }
}

/** Where the wizard is connected, checked once on start with a clear message when it fails. */
export function ConnectionStatus() {
  const workspaces = useWorkspaces();
  return (
    <p className="connection" role="status">
      Connected to: <strong>{TARGET_LABEL}</strong>{' '}
      {workspaces.isPending && <span className="muted">(checking…)</span>}
      {workspaces.isSuccess && <span className="ok">✓ connection works</span>}
      {workspaces.isError && <span className="error-text">✗ {explain(workspaces.error)}</span>}
    </p>
  );
}
