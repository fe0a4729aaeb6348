import { createContext, type ReactNode, type RefObject, useCallback, useContext, useEffect, useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { type BlockerFunction, useBlocker } from 'react-router';
import { ConfirmDialog } from '../components/confirm-dialog';

/** A new address leaves the page; a change of the #fragment alone does not. */
const leavesPage: BlockerFunction = ({ currentLocation, nextLocation }) =>
  currentLocation.pathname !== nextLocation.pathname || currentLocation.search !== nextLocation.search;

/** Each form's "I hold unsaved work" flag, read at the moment someone leaves. */
type Register = (unsaved: RefObject<boolean>) => () => void;
const UnsavedChangesContext = createContext<Register | null>(null);

/**
 * The one router blocker of the app (a router honours one at a time, and a page can hold two forms: the run page
 * has the assistant's input and the experience log). It is in place from the start, so the first keystroke is
 * already protected, and it asks only while a form below says it holds unsaved work: in-app links, back and
 * forward get a dialog, closing or reloading the tab the browser's own question.
 */
export function UnsavedChangesBoundary({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const forms = useRef(new Set<RefObject<boolean>>());
  const anyUnsaved = useCallback(() => [...forms.current].some((f) => f.current), []);
  const shouldBlock = useCallback<BlockerFunction>((args) => anyUnsaved() && leavesPage(args), [anyUnsaved]);
  const blocker = useBlocker(shouldBlock);
  const register = useCallback<Register>((unsaved) => {
    forms.current.add(unsaved);
    return () => {
      forms.current.delete(unsaved);
    };
  }, []);

  useEffect(() => {
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (!anyUnsaved()) return;
      e.preventDefault();
      // Older browsers ask only when returnValue is set.
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [anyUnsaved]);

  return (
    <UnsavedChangesContext.Provider value={register}>
      {children}
      {blocker.state === 'blocked' ? (
        <ConfirmDialog
          title={t('form.unsaved.title')}
          confirmLabel={t('form.unsaved.leave')}
          cancelLabel={t('form.unsaved.stay')}
          onConfirm={() => blocker.proceed()}
          onCancel={() => blocker.reset()}
          primary="cancel"
          testId="unsaved-changes-dialog"
        >
          <p>{t('form.unsaved.text')}</p>
          <p className="mb-0">{t('form.unsaved.lost')}</p>
        </ConfirmDialog>
      ) : null}
    </UnsavedChangesContext.Provider>
  );
}

/**
 * Marks the form as holding unsaved work while `dirty` is true, so that leaving the page asks first (see
 * UnsavedChangesBoundary). Call `allowLeaving()` once the work is saved, before a navigation that follows the save;
 * from then on the form no longer asks.
 */
export function useUnsavedChanges(dirty: boolean): { allowLeaving: () => void } {
  // The app's layout holds the boundary (app/layout/app-layout.tsx); a component drawn alone in a test has no
  // page to leave, and then nothing is registered.
  const register = useContext(UnsavedChangesContext);
  const unsaved = useRef(false);
  const released = useRef(false);
  useLayoutEffect(() => register?.(unsaved), [register]);
  // A layout effect runs in the same task as the change is drawn: a back press cannot slip in between.
  useLayoutEffect(() => {
    unsaved.current = dirty && !released.current;
  }, [dirty]);
  const allowLeaving = useCallback(() => {
    released.current = true;
    unsaved.current = false;
  }, []);
  return { allowLeaving };
}
