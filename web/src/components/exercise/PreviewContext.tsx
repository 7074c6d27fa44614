'use client';

import { createContext, useContext, type ReactNode } from 'react';

/**
 * Set on an instructor's preview of an exercise page: the workspaces then grade through POST /api/preview against
 * this variant (nothing stored) instead of submitting. JSON as the endpoint takes it.
 */
export type PreviewTargetJson = { variant: 'canonical' | number } | { student: string };

const PreviewContext = createContext<PreviewTargetJson | null>(null);

export function PreviewProvider({ target, children }: { target: PreviewTargetJson; children: ReactNode }) {
  return <PreviewContext.Provider value={target}>{children}</PreviewContext.Provider>;
}

/** The previewed variant, or null on a student's own page. */
export function usePreviewTarget(): PreviewTargetJson | null {
  return useContext(PreviewContext);
}
