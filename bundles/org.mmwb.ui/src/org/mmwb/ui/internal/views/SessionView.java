package org.mmwb.ui.internal.views;

import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.ui.IPartListener2;
import org.eclipse.ui.ISelectionListener;
import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.IWorkbenchPartReference;
import org.eclipse.ui.part.ViewPart;
import org.mmwb.ui.internal.session.Session;
import org.mmwb.ui.internal.session.SessionState;

/**
 * A view of the workbench's {@link Session}: it builds its controls, then follows the session's states and the
 * selections of the other views (fault -> VMA -> PTE linking goes through the workbench selection service). A view
 * hidden behind another in its stack shows a new state only when it is brought to the front: a step of a large
 * session costs only the views on screen.
 */
abstract class SessionView extends ViewPart implements Session.Listener {

    private final ISelectionListener selectionListener = this::selectionFromPart;
    private final IPartListener2 visibility = new IPartListener2() {
        @Override
        public void partVisible(IWorkbenchPartReference ref) {
            if (ref.getPart(false) == SessionView.this && pending != null && !isDisposed()) {
                display(pending);
            }
        }
    };
    private SessionState shown;
    /** The newest state while the view is hidden, or null. */
    private SessionState pending;
    private Control main;

    /** Creates the view's controls (the session's current state follows); returns the one that takes the focus. */
    protected abstract Control createControls(Composite parent);

    /** Shows a state (UI thread). */
    protected abstract void show(SessionState state);

    /** Follows the selection of another part; the element is the first one of a structured selection. */
    protected void linkedSelection(IWorkbenchPart part, Object element) {
    }

    @Override
    public final void createPartControl(Composite parent) {
        main = createControls(parent);
        Session session = Session.get();
        session.addListener(this);
        getSite().getPage().addPostSelectionListener(selectionListener);
        getSite().getPage().addPartListener(visibility);
        display(session.state());
    }

    @Override
    public final void changed(SessionState state) {
        if (isDisposed()) {
            return;
        }
        if (pending != null) {
            pending = state;
        } else if (state.onlyBusyChanged(shown)) { // a replay starting or stopping changes nothing shown
            shown = state;
        } else if (!getSite().getPage().isPartVisible(this)) {
            pending = state;
        } else {
            display(state);
        }
    }

    private void display(SessionState state) {
        pending = null;
        shown = state;
        show(state);
    }

    /** The state shown. */
    protected SessionState shown() {
        return shown;
    }

    /** Whether the controls are gone. */
    protected final boolean isDisposed() {
        return main == null || main.isDisposed();
    }

    @Override
    public void setFocus() {
        main.setFocus();
    }

    private void selectionFromPart(IWorkbenchPart part, ISelection selection) {
        if (part == this || isDisposed() || !(selection instanceof IStructuredSelection ss) || ss.isEmpty()) {
            return;
        }
        linkedSelection(part, ss.getFirstElement());
    }

    @Override
    public void dispose() {
        Session.get().removeListener(this);
        getSite().getPage().removePostSelectionListener(selectionListener);
        getSite().getPage().removePartListener(visibility);
        super.dispose();
    }
}
