import { useState, useSyncExternalStore } from 'react';
import { apiLog, type LoggedExchange } from '../api/api-log';
import { TARGET_URL } from '../config/build-info';
import { REDACTED, redactHeaders, shortenBase64InJson, toCurl } from '../domain/inspector/curl';

/** Headers the proxy adds on the server; the browser never sees their values. */
const PROXY_HEADERS = { 'x-api-key': REDACTED, Authorization: REDACTED };

/**
 * For an import, the call that created the resource it reads ("(call 1)"), found by the
 * resource id: the link a demo audience needs between the two calls.
 */
function resourceCalls(exchanges: readonly LoggedExchange[]): Map<string, number> {
  const calls = new Map<string, number>();
  for (const exchange of exchanges) {
    if (exchange.method !== 'POST' || !/\/resources$/.test(exchange.path)) continue;
    const location = exchange.responseHeaders.location ?? '';
    const id = location.split(/[?#]/)[0]?.split('/').pop();
    if (id) calls.set(id, exchange.id);
  }
  return calls;
}

function sourceCall(exchange: LoggedExchange, calls: ReadonlyMap<string, number>) {
  if (exchange.method !== 'POST' || !/\/imports$/.test(exchange.path)) return undefined;
  try {
    const body = JSON.parse(exchange.requestBody ?? '{}') as { resourceId?: string };
    return body.resourceId ? calls.get(body.resourceId) : undefined;
  } catch {
    return undefined;
  }
}

function ExchangeView({
  exchange,
  fromCall,
}: {
  readonly exchange: LoggedExchange;
  readonly fromCall?: number;
}) {
  const [copied, setCopied] = useState(false);
  const [showFile, setShowFile] = useState(false);
  const url = `${TARGET_URL}${exchange.path}`;
  const body =
    exchange.requestBody === undefined ? undefined : shortenBase64InJson(exchange.requestBody);
  const curl = exchange.bodyComplete
    ? toCurl({
        method: exchange.method,
        url,
        headers: exchange.requestHeaders,
        body: exchange.requestBody,
      })
    : undefined;
  const requestHeaders = { ...redactHeaders(exchange.requestHeaders), ...PROXY_HEADERS };
  const responseHeaders = redactHeaders(exchange.responseHeaders);
  const status =
    exchange.status !== 0
      ? String(exchange.status)
      : exchange.cancelled
        ? 'cancelled'
        : 'no answer';
  return (
    <details className="exchange">
      <summary>
        <span className="call-number">{exchange.id}.</span>{' '}
        <code>
          {exchange.method} {exchange.path}
        </code>{' '}
        → <strong>{status}</strong> <span className="muted small">({exchange.durationMs} ms)</span>
        {exchange.purpose && (
          <span className="block small why">
            {exchange.purpose}
            {fromCall !== undefined ? ` (call ${fromCall})` : ''}
          </span>
        )}
      </summary>
      <p>
        <code>{url}</code>
      </p>
      <h4>Request headers</h4>
      <pre>
        {Object.entries(requestHeaders)
          .map(([name, value]) => `${name}: ${value}`)
          .join('\n')}
      </pre>
      {body && (
        <>
          <h4>
            Request body
            {body.base64Bytes
              ? ` (file: ${body.base64Bytes.toLocaleString()} base64 characters)`
              : ''}
          </h4>
          <pre className="body">{body.text}</pre>
          {body.decoded !== undefined && (
            <button type="button" onClick={() => setShowFile(!showFile)} aria-expanded={showFile}>
              {showFile ? 'Hide the decoded file' : 'Show the decoded file'}
            </button>
          )}
          {showFile && body.decoded !== undefined && (
            <pre className="body" aria-label="Decoded file">
              {body.decoded.slice(0, 20_000)}
              {body.decoded.length > 20_000 ? '\n…' : ''}
            </pre>
          )}
        </>
      )}
      <h4>Response</h4>
      <pre>
        {Object.entries(responseHeaders)
          .map(([name, value]) => `${name}: ${value}`)
          .join('\n')}
      </pre>
      {exchange.responseBody && <pre className="body">{exchange.responseBody.slice(0, 5_000)}</pre>}
      {curl ? (
        <>
          <h4>As curl</h4>
          <p className="muted small">
            Set WHISPIR_API_KEY, WHISPIR_USERNAME and WHISPIR_PASSWORD in your shell; the command
            holds no secret.
          </p>
          <pre className="body" data-testid="curl">
            {curl}
          </pre>
          <button
            type="button"
            onClick={() => {
              void navigator.clipboard?.writeText(curl).then(() => setCopied(true));
            }}
          >
            {copied ? 'Copied' : 'Copy as curl'}
          </button>
        </>
      ) : (
        <p className="muted small">This request is too large to copy as curl here.</p>
      )}
    </details>
  );
}

const INSPECTOR_ID = 'api-inspector';

/** From the header to the inspector at the foot of the page, opened (for demos). */
export function ApiInspectorLink({ onOpen }: { readonly onOpen: () => void }) {
  const exchanges = useSyncExternalStore(apiLog.subscribe, apiLog.snapshot);
  return (
    <a
      className="small"
      href={`#${INSPECTOR_ID}`}
      onClick={(event) => {
        event.preventDefault();
        onOpen();
        // After React has opened it, so the whole panel scrolls into view and takes the focus.
        requestAnimationFrame(() => {
          const summary = document.querySelector<HTMLElement>(`#${INSPECTOR_ID} summary`);
          summary?.scrollIntoView({ block: 'start' });
          summary?.focus();
        });
      }}
    >
      Show the API calls <span className="call-count">({exchanges.length})</span>
    </a>
  );
}

interface InspectorProps {
  readonly open: boolean;
  readonly onOpenChange: (open: boolean) => void;
}

/** Every request the wizard sent to Whispir this session, and the answers, secrets redacted. */
export function ApiInspector({ open, onOpenChange }: InspectorProps) {
  const exchanges = useSyncExternalStore(apiLog.subscribe, apiLog.snapshot);
  const calls = resourceCalls(exchanges);
  return (
    <aside id={INSPECTOR_ID} aria-labelledby="api-inspector-heading" className="api-inspector">
      <details open={open} onToggle={(event) => onOpenChange(event.currentTarget.open)}>
        <summary>
          <h2 id="api-inspector-heading">API inspector</h2>
          <span className="muted small"> {exchanges.length} requests to Whispir this session</span>
        </summary>
        <p className="muted small">
          Every call goes through this app's proxy, which adds the API key and the Authorization
          header on the server.
        </p>
        {exchanges.length === 0 ? (
          <p>No request yet.</p>
        ) : (
          // Newest first, each numbered by when it was made: call 1 is the session's first.
          <ol className="exchanges">
            {[...exchanges].reverse().map((exchange) => (
              <li key={exchange.id}>
                <ExchangeView exchange={exchange} fromCall={sourceCall(exchange, calls)} />
              </li>
            ))}
          </ol>
        )}
      </details>
    </aside>
  );
}
