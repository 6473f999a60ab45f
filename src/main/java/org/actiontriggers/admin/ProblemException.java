package org.actiontriggers.admin;

/** Ends a request with a problem document; thrown where the problem is found, mapped to its response. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
