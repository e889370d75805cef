package io.matgrad.processor.parse;

import com.sun.source.tree.MethodInvocationTree;
import io.matgrad.processor.ir.Binding;
import io.matgrad.processor.ir.Expr;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * How the body being translated stands to calls of {@code @Differentiable} methods: the body of the
 * method parsed (the top), the body of a callee parsed on its own, or the body of a callee read in
 * place of a call ({@link #isInlined()}), whose parameters are the call's arguments and whose
 * dimensions are the caller's.
 *
 * <p>A body read in place of a call hands its locals up to its caller, to name intermediate results
 * of the top's generated code: {@code h = tanh(W₁x)} from a helper {@code layer(W, x)} that
 * declares {@code h}. The top renames them apart from its own parameters and locals and from each
 * other ({@code h}, then {@code h2}), and a caller's own local naming the call's value wins over the
 * callee's name for it.
 */
final class CallContext {
    /**
     * The call in a top or alone body that an inlined body stands for, however deep: where the
     * caller's shapes meet the callee's requirements, and so where a conflict between them is
     * reported, once.
     */
    private static final class Site {
        private final ParseContext caller;
        private final MethodInvocationTree call;
        private boolean conflictReported;

        Site(ParseContext caller, MethodInvocationTree call) {
            this.caller = caller;
            this.call = call;
        }
    }

    private final Callees callees;
    /** Null unless this is an inlined body. */
    private final Site site;
    /** For an inlined body, the methods read in place of calls from the site in, {@code Models.layer}. */
    private final List<String> methods;
    /** For the top: the names its generated code can give locals, taken so far. */
    private final Set<String> taken;
    /** For the top: the names of its own locals. */
    private final Set<String> own;
    /** Locals of bodies read in place of calls in this body, not yet handed to its translator. */
    private final List<Binding> inlined = new ArrayList<>();

    private CallContext(Callees callees, Site site, List<String> methods, Set<String> taken, Set<String> own) {
        this.callees = callees;
        this.site = site;
        this.methods = methods;
        this.taken = taken;
        this.own = own;
    }

    /** The top body: its parameters' and locals' names are its own, the names of inlined locals avoid them. */
    static CallContext top(Callees callees, List<String> parameters, List<String> locals) {
        Set<String> taken = new HashSet<>(parameters);
        taken.addAll(locals);
        return new CallContext(callees, null, List.of(), taken, Set.copyOf(locals));
    }

    /** A callee's body, parsed on its own, to learn whether it has errors of its own. */
    static CallContext alone(Callees callees) {
        return new CallContext(callees, null, List.of(), null, Set.of());
    }

    /** The body of {@code method} ({@code Models.layer}), read in place of {@code call} in {@code caller}'s body. */
    CallContext inlined(ParseContext caller, MethodInvocationTree call, String method) {
        List<String> chain = new ArrayList<>(methods);
        chain.add(method);
        return new CallContext(callees, site != null ? site : new Site(caller, call), List.copyOf(chain), null,
                Set.of());
    }

    Callees callees() {
        return callees;
    }

    /** Whether this body is read in place of a call. */
    boolean isInlined() {
        return site != null;
    }

    /**
     * How a dimension requirement of {@code origin} (source text of this body) is named in the
     * top's requirements and messages: as it is, or, in an inlined body, as the call it is part of,
     * {@code layer(W1, x) (mult(W, x) in Models.layer)}.
     */
    String origin(String origin) {
        if (site == null) {
            return origin;
        }
        return site.caller.text(site.call) + " (" + origin + " in " + String.join(" → ", methods) + ")";
    }

    /**
     * Reports a conflict of an inlined body's requirement (named by {@link #origin}) with the
     * caller's shapes at the call, once per call.
     */
    void reportConflict(String origin, DimensionSolver.Conflict c) {
        if (!site.conflictReported) {
            site.conflictReported = true;
            site.caller.reportConflict(site.call, origin, c);
        }
    }

    /**
     * Reports a least size an inlined body's operator needs (named by {@link #origin}) that the
     * caller's shapes do not have, at the call, once per call.
     */
    void reportArguments(String origin, String problem) {
        if (!site.conflictReported) {
            site.conflictReported = true;
            site.caller.error(io.matgrad.processor.diag.Message.ARGUMENTS, site.call, origin, problem);
        }
    }

    /** Keeps the locals of a body read in place of a call in this body, for {@link #takeInlined}. */
    void addInlined(List<Binding> locals) {
        inlined.addAll(locals);
    }

    /**
     * The locals of bodies read in place of calls since the last take, in order, without the one
     * naming {@code declared}, the value of the local being declared (whose own name wins); renamed
     * apart in the top.
     */
    List<Binding> takeInlined(Optional<Expr> declared) {
        List<Binding> taken = new ArrayList<>();
        for (Binding b : inlined) {
            if (declared.isPresent() && b.value() == declared.get()) {
                continue;
            }
            taken.add(this.taken == null ? b : new Binding(fresh(b.name()), b.value()));
        }
        inlined.clear();
        return taken;
    }

    /**
     * The top's {@code locals}, interned (a value is one node however often it was written), without
     * the inlined locals whose value one of the top's own locals names too: the caller's name for a
     * value wins over a helper's, as it does for the call's own value in {@link #takeInlined}.
     */
    List<Binding> preferringOwnNames(List<Binding> locals) {
        Set<Expr> named = Collections.newSetFromMap(new IdentityHashMap<>());
        locals.stream().filter(b -> own.contains(b.name())).forEach(b -> named.add(b.value()));
        return locals.stream().filter(b -> own.contains(b.name()) || !named.contains(b.value())).toList();
    }

    /** {@code name} if the top has no such name yet, else {@code name2}, {@code name3}, ... */
    private String fresh(String name) {
        if (taken.add(name)) {
            return name;
        }
        for (int i = 2; ; i++) {
            if (taken.add(name + i)) {
                return name + i;
            }
        }
    }
}
