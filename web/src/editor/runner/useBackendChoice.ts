'use client';

import { useSyncExternalStore } from 'react';
import { BACKEND_STORAGE_KEY, parseStoredChoice } from './backendChoice';
import type { TfBackendChoice } from './protocol';

const listeners = new Set<() => void>();
/** This page's choice, when localStorage refuses to keep it (disabled storage): it still holds for the page. */
let pageChoice: TfBackendChoice | null = null;

function subscribe(onChange: () => void): () => void {
  listeners.add(onChange);
  window.addEventListener('storage', onChange); // another tab chose
  return () => {
    listeners.delete(onChange);
    window.removeEventListener('storage', onChange);
  };
}

function storedChoice(): TfBackendChoice {
  if (pageChoice) return pageChoice;
  try {
    return parseStoredChoice(localStorage.getItem(BACKEND_STORAGE_KEY));
  } catch {
    return 'auto';
  }
}

/** Sets the remembered TensorFlow.js backend choice for every page that reads it. */
export function chooseBackend(choice: TfBackendChoice): void {
  try {
    localStorage.setItem(BACKEND_STORAGE_KEY, choice);
    pageChoice = null;
  } catch {
    pageChoice = choice;
  }
  for (const listener of listeners) listener();
}

/**
 * The student's remembered backend choice (Run and training share it). Read from localStorage as an external store:
 * 'auto' on the server and during hydration, the stored choice right after, with no effect setting state.
 */
export function useBackendChoice(): TfBackendChoice {
  return useSyncExternalStore(subscribe, storedChoice, () => 'auto');
}
