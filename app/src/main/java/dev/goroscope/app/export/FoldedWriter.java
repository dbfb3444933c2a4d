package dev.goroscope.app.export;

import dev.goroscope.model.calltree.CallTree;
import java.io.IOException;
import java.io.Writer;

/**
 * Writes a call tree as folded stacks, the input of flamegraph.pl: one line {@code root;…;leaf weight} per path
 * that stacks end at. Weight that ends at the root itself (stacks left with no frame) is written as the one-frame
 * stack {@value #NO_FRAMES}, so the weights add up to the tree's total. A ';' or a control character in a name
 * would break the line format and is written as '_'; a surrogate without its pair, which no encoding can write,
 * as U+FFFD.
 */
public final class FoldedWriter {
    /** The frame standing for stacks with no frame. */
    public static final String NO_FRAMES = "(no frames)";
    private static final int FLUSH_AT = 32 * 1024;

    private FoldedWriter() {
    }

    /** Writes {@code tree}'s paths in pre-order (children by name); flushes {@code out} but leaves it open. */
    public static void write(CallTree tree, Writer out) throws IOException {
        StringBuilder path = new StringBuilder(256);
        StringBuilder buf = new StringBuilder(FLUSH_AT + 1024);
        int[] lengthAtDepth = new int[tree.maxDepth() + 1];
        if (tree.self(CallTree.ROOT) != 0) {
            buf.append(NO_FRAMES).append(' ').append(tree.self(CallTree.ROOT)).append('\n');
        }
        for (int n = 1; n < tree.size(); n++) {
            int d = tree.depth(n);
            path.setLength(lengthAtDepth[d - 1]);
            if (d > 1) {
                path.append(';');
            }
            appendName(path, tree.name(n));
            lengthAtDepth[d] = path.length();
            if (tree.self(n) != 0) {
                buf.append(path).append(' ').append(tree.self(n)).append('\n');
                if (buf.length() >= FLUSH_AT) {
                    out.append(buf);
                    buf.setLength(0);
                }
            }
        }
        out.append(buf);
        out.flush();
    }

    private static void appendName(StringBuilder sb, String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < name.length() && Character.isLowSurrogate(name.charAt(i + 1))) {
                sb.append(c).append(name.charAt(++i));
            } else {
                sb.append(c == ';' || c < 0x20 || c == 0x7f ? '_' : Character.isSurrogate(c) ? '\uFFFD' : c);
            }
        }
    }
}
