import { z } from 'zod';

/** The LTI 1.3 claim names (IMS LTI Core 1.3, Deep Linking 2.0, AGS 2.0, NRPS 2.0). */
const LTI = 'https://purl.imsglobal.org/spec/lti/claim/';
export const claim = {
  messageType: `${LTI}message_type`,
  version: `${LTI}version`,
  deploymentId: `${LTI}deployment_id`,
  targetLinkUri: `${LTI}target_link_uri`,
  resourceLink: `${LTI}resource_link`,
  roles: `${LTI}roles`,
  context: `${LTI}context`,
  custom: `${LTI}custom`,
  deepLinking: 'https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings',
  ags: 'https://purl.imsglobal.org/spec/lti-ags/claim/endpoint',
  nrps: 'https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice',
  dlContentItems: 'https://purl.imsglobal.org/spec/lti-dl/claim/content_items',
  dlData: 'https://purl.imsglobal.org/spec/lti-dl/claim/data',
  dlMessage: 'https://purl.imsglobal.org/spec/lti-dl/claim/msg',
} as const;

export const messageTypes = ['LtiResourceLinkRequest', 'LtiDeepLinkingRequest'] as const;

/** The claims a launch must carry, beyond the signature and the standard ones jose checks. */
export const launchClaims = z.object({
  sub: z.string({ error: 'the `sub` claim (the user on the platform) is missing' }).min(1, 'the `sub` claim is empty').max(255),
  email: z.string().max(320).optional(),
  name: z.string().max(200).optional(),
  given_name: z.string().max(200).optional(),
  family_name: z.string().max(200).optional(),
  [claim.roles]: z.array(z.string(), { error: `the roles claim (${claim.roles}) is missing or not a list` }),
  [claim.context]: z.object(
    { id: z.string().min(1).max(255), title: z.string().max(500).optional(), label: z.string().max(500).optional() },
    { error: `the context claim (${claim.context}: the LMS course) is missing` },
  ),
  [claim.targetLinkUri]: z.string({ error: `the target_link_uri claim (${claim.targetLinkUri}) is missing` }),
  [claim.resourceLink]: z.object({ id: z.string().min(1).max(255), title: z.string().max(500).optional() }).optional(),
  [claim.custom]: z.record(z.string(), z.unknown()).optional(),
  [claim.deepLinking]: z
    .object({
      deep_link_return_url: z.url(),
      accept_types: z.array(z.string()).optional(),
      accept_multiple: z.boolean().optional(),
      data: z.string().max(4096).optional(),
    })
    .optional(),
  [claim.ags]: z.object({ scope: z.array(z.string()).default([]), lineitems: z.url().optional(), lineitem: z.url().optional() }).optional(),
  [claim.nrps]: z.object({ context_memberships_url: z.url() }).optional(),
});

export type LaunchClaims = z.infer<typeof launchClaims>;
