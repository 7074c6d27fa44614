'use client';

import { useState } from 'react';
import { StatusLine } from '@/components/people/StatusLine';
import { jsonInit, useApiCall } from '@/components/people/useApiCall';

const fields = [
  ['name', 'Name (optional)', 'Canvas at Example University'],
  ['issuer', 'Issuer', 'https://canvas.instructure.com'],
  ['clientId', 'Client id', '10000000000001'],
  ['deploymentIds', 'Deployment ids (comma-separated)', '1:abc…'],
  ['authUrl', 'Authorisation URL', 'https://sso.canvaslms.com/api/lti/authorize_redirect'],
  ['tokenUrl', 'Token URL', 'https://sso.canvaslms.com/login/oauth2/token'],
  ['jwksUrl', 'JWKS URL', 'https://sso.canvaslms.com/api/lti/security/jwks'],
] as const;

/** Registers an LMS (or adds deployment ids to its registration). */
export function PlatformForm() {
  const { status, pending, call } = useApiCall();
  const [values, setValues] = useState<Record<string, string>>({});
  return (
    <form
      className="max-w-xl space-y-2"
      aria-labelledby="add-platform"
      onSubmit={(event) => {
        event.preventDefault();
        const { deploymentIds = '', name = '', ...rest } = values;
        const body = {
          ...rest,
          ...(name.trim() ? { name } : {}),
          deploymentIds: deploymentIds
            .split(',')
            .map((d) => d.trim())
            .filter(Boolean),
        };
        void call<{ created: boolean; platform: { name: string } }>('/api/admin/lti/platforms', jsonInit('POST', body), (r) =>
          r.created ? `${r.platform.name} is registered.` : `${r.platform.name} is updated.`,
        );
      }}
    >
      <h2 id="add-platform" className="text-lg font-semibold">
        Register a platform
      </h2>
      {fields.map(([key, label, placeholder]) => (
        <label key={key} className="block text-sm">
          {label}
          <input
            className="input mt-1 w-full"
            name={key}
            placeholder={placeholder}
            value={values[key] ?? ''}
            onChange={(event) => setValues({ ...values, [key]: event.target.value })}
          />
        </label>
      ))}
      <button type="submit" className="btn" disabled={pending}>
        Register
      </button>
      <StatusLine status={status} />
    </form>
  );
}
