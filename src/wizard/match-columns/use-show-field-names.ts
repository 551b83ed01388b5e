import { useState } from 'react';

const SHOW_KEYS_STORAGE = 'whispir-import.show-field-names';
const loadShowKeys = () => {
  try {
    return localStorage.getItem(SHOW_KEYS_STORAGE) === 'yes';
  } catch {
    return false;
  }
};
const storeShowKeys = (show: boolean) => {
  try {
    localStorage.setItem(SHOW_KEYS_STORAGE, show ? 'yes' : 'no');
  } catch {
    // Storage disabled: the choice lasts as long as the page.
  }
};

/** "Show Whispir field names": the choice is remembered in the browser for the next visit. */
export function useShowFieldNames() {
  const [showKeys, setShowKeys] = useState(loadShowKeys);
  const choose = (show: boolean) => {
    setShowKeys(show);
    storeShowKeys(show);
  };
  return [showKeys, choose] as const;
}
