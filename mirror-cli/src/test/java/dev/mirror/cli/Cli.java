package dev.mirror.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs the CLI in-process with captured output. */
final class Cli {
    record Result(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- out ---\n" + out + "\n--- err ---\n" + err;
        }
    }

    private Cli() {
    }

    /** A command running on a thread of its own; {@link #stop()} does what SIGTERM does in {@code main}. */
    static final class Running {
        private final CommandLine cl;
        private final StringWriter out;
        private final java.util.concurrent.CompletableFuture<Result> result;

        private Running(CommandLine cl, StringWriter out, java.util.concurrent.CompletableFuture<Result> result) {
            this.cl = cl;
            this.out = out;
            this.result = result;
        }

        /** Stdout so far. */
        String out() {
            return out.toString();
        }

        /** Waits until stdout so far contains {@code text}. */
        void awaitOut(String text) throws InterruptedException {
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
            while (!out.toString().contains(text)) {
                if (System.nanoTime() > deadline || result.isDone()) {
                    throw new AssertionError("no '" + text + "' in the output:\n" + out);
                }
                Thread.sleep(50);
            }
        }

        void stop() {
            ((MirrorCli) cl.getCommand()).stopSignal().request();
        }

        Result await() throws Exception {
            return result.get(2, java.util.concurrent.TimeUnit.MINUTES);
        }
    }

    static Running start(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = MirrorCli.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        var result = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            int code = cl.execute(args);
            return new Result(code, out.toString(), err.toString());
        });
        return new Running(cl, out, result);
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = MirrorCli.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Result(code, out.toString(), err.toString());
    }
}
