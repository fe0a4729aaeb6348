import { type KeyboardEvent, type MouseEvent, type ReactNode, type RefObject, useEffect, useId, useRef } from 'react';
import { createPortal } from 'react-dom';
import { Button } from './button';
import { keepTabInside } from './focus-trap';

/**
 * While the dialog is open: everything else on the page is inert, the body has DKFDS' modal-open class and focus is
 * on the heading; on close, all of it is undone and focus goes back to where it was.
 */
function useModalWhileOpen(rootRef: RefObject<HTMLDivElement | null>, titleRef: RefObject<HTMLHeadingElement | null>) {
  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    // Everything else on the page is out of reach while the question is open (what DKFDS' own script does).
    const inerted = Array.from(document.body.children).filter(
      (el): el is HTMLElement => el instanceof HTMLElement && el !== rootRef.current && !el.inert,
    );
    for (const el of inerted) el.inert = true;
    document.body.classList.add('modal-open');
    titleRef.current?.focus();
    return () => {
      for (const el of inerted) el.inert = false;
      document.body.classList.remove('modal-open');
      if (opener?.isConnected) opener.focus();
    };
  }, []);
}

/** One answer per question: a second click that arrives before the dialog has closed does nothing. */
function useOneAnswer() {
  const answered = useRef(false);
  return (fn: () => void) => {
    if (answered.current) return;
    answered.current = true;
    fn();
  };
}

/** The two answers, the one named by `primary` drawn as the main button and first in the row. */
function DialogAnswers({
  primary,
  confirmLabel,
  cancelLabel,
  onConfirmClick,
  onCancelClick,
}: {
  primary: 'confirm' | 'cancel';
  confirmLabel: string;
  cancelLabel: string;
  onConfirmClick: (e: MouseEvent<HTMLButtonElement>) => void;
  onCancelClick: () => void;
}) {
  const confirm = (
    <Button variant={primary === 'confirm' ? 'primary' : 'secondary'} type="button" onClick={onConfirmClick}>
      {confirmLabel}
    </Button>
  );
  const cancel = (
    <Button variant={primary === 'cancel' ? 'primary' : 'secondary'} type="button" onClick={onCancelClick}>
      {cancelLabel}
    </Button>
  );
  return primary === 'confirm' ? (
    <>
      {confirm}
      {cancel}
    </>
  ) : (
    <>
      {cancel}
      {confirm}
    </>
  );
}

/**
 * A DKFDS modal that asks before something that cannot be taken back quietly (publishing, a decision, leaving
 * unsaved work), drawn with the design system's classes and driven by React instead of its script: focus moves to
 * the heading (not to a button, so an Enter or a second click meant for the page does not answer it), stays
 * inside while it is open, the page behind is inert, Escape answers "no", and focus returns where it was.
 * The parent renders it only while the question is open and closes it in `onConfirm` / `onCancel`. `primary` names
 * the answer drawn as the main button, first in the row: "cancel" when going on loses work.
 */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  cancelLabel,
  onConfirm,
  onCancel,
  primary = 'confirm',
  testId,
}: {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  primary?: 'confirm' | 'cancel';
  testId?: string;
}) {
  const titleId = useId();
  const bodyId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const dialogRef = useRef<HTMLDivElement>(null);
  const titleRef = useRef<HTMLHeadingElement>(null);
  useModalWhileOpen(rootRef, titleRef);
  const answer = useOneAnswer();

  const onConfirmClick = (e: MouseEvent<HTMLButtonElement>) => {
    // The second click of a double click (detail 2) is the tail of a click meant for the page beneath,
    // not an answer; a keyboard press has detail 0.
    if (e.detail > 1) return;
    answer(onConfirm);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      answer(onCancel);
      return;
    }
    if (e.key === 'Tab' && dialogRef.current) keepTabInside(e, dialogRef.current, { alsoFirst: titleRef.current });
  };

  return createPortal(
    <div ref={rootRef}>
      <div
        ref={dialogRef}
        className="fds-modal"
        aria-hidden="false"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={bodyId}
        onKeyDown={onKeyDown}
        data-testid={testId}
      >
        <div className="modal-content">
          <div className="modal-header">
            <h2 ref={titleRef} id={titleId} className="modal-title" tabIndex={-1}>
              {title}
            </h2>
          </div>
          <div className="modal-body" id={bodyId}>
            {children}
          </div>
          <div className="modal-footer">
            <DialogAnswers
              primary={primary}
              confirmLabel={confirmLabel}
              cancelLabel={cancelLabel}
              onConfirmClick={onConfirmClick}
              onCancelClick={() => answer(onCancel)}
            />
          </div>
        </div>
      </div>
      <div className="modal-backdrop show" />
    </div>,
    document.body,
  );
}
