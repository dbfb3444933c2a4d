package dev.goroscope.model.analysis;

import dev.goroscope.model.goroutine.GoroutineDump;
import dev.goroscope.model.stack.FrameTable;
import java.util.Arrays;

/**
 * Who created whom, rolled up to creating call sites. A node is a call site ({@code created by F} at file:line)
 * reached through the chain of sites that created its creators: node "main.main:207 under goroutine 1's node" holds
 * every goroutine that a goroutine of that parent node started at main.go:207. The parent comes from
 * {@code created by … in goroutine N} (Go 1.21+); when the dump does not say, or the creator has exited, the site
 * hangs under the root and its goroutines count as {@link #orphans(int) orphans}. Goroutines without a creator
 * (goroutine 1, runtime goroutines) sit in a node with no site directly under the root.
 * <p>
 * Nodes are numbered in pre-order like a call tree: node 0 is the synthetic root, children sorted by total, largest
 * first, so {@code [n, subtreeEnd(n))} is {@code n}'s subtree. Built in linear time.
 */
public final class CreationTree {
    /** The synthetic root. */
    public static final int ROOT = 0;

    private final GoroutineDump dump;
    private final int[] site;
    private final int[] parent;
    private final int[] depth;
    private final int[] subtreeEnd;
    private final int[] count;
    private final int[] total;
    private final int[] orphans;
    private final int[] memberStart;
    private final int[] members;
    private final int[] nodeOf;

    private CreationTree(GoroutineDump dump, int[] site, int[] parent, int[] depth, int[] subtreeEnd, int[] count,
            int[] total, int[] orphans, int[] memberStart, int[] members, int[] nodeOf) {
        this.dump = dump;
        this.site = site;
        this.parent = parent;
        this.depth = depth;
        this.subtreeEnd = subtreeEnd;
        this.count = count;
        this.total = total;
        this.orphans = orphans;
        this.memberStart = memberStart;
        this.members = members;
        this.nodeOf = nodeOf;
    }

    public static CreationTree of(GoroutineDump dump) {
        return new Builder(dump).build();
    }

    public int size() {
        return site.length;
    }

    /** The creating call's frame id, -1 for the root and for the "no creator" node. */
    public int site(int node) {
        return site[node];
    }

    /** A label: "created by F (file:line)", "no creator" or "all". */
    public String label(int node) {
        if (node == ROOT) {
            return "all";
        }
        if (site[node] < 0) {
            return "no creator";
        }
        FrameTable frames = dump.stacks().frames();
        int f = site[node];
        return "created by " + frames.functionName(f) + " (" + frames.fileName(f) + ":" + frames.line(f) + ")";
    }

    public int parent(int node) {
        return parent[node];
    }

    public int depth(int node) {
        return depth[node];
    }

    public int subtreeEnd(int node) {
        return subtreeEnd[node];
    }

    /** The first child, or -1. */
    public int firstChild(int node) {
        return node + 1 < subtreeEnd[node] ? node + 1 : -1;
    }

    /** The next sibling, or -1. */
    public int nextSibling(int node) {
        int p = parent[node];
        return p >= 0 && subtreeEnd[node] < subtreeEnd[p] ? subtreeEnd[node] : -1;
    }

    /** Goroutines created at this node's site. */
    public int count(int node) {
        return count[node];
    }

    /** Goroutines in this node's subtree (its own and all their descendants'). */
    public int total(int node) {
        return total[node];
    }

    /** Of {@link #count}, how many name a creator goroutine that is not in the dump (it has exited). */
    public int orphans(int node) {
        return orphans[node];
    }

    /** The goroutines of this node, as dump indices in dump order. */
    public int[] members(int node) {
        return Arrays.copyOfRange(members, memberStart[node], memberStart[node + 1]);
    }

    /** The node of goroutine {@code g}. */
    public int nodeOf(int g) {
        return nodeOf[g];
    }

    private static final class Builder {
        private final GoroutineDump dump;
        private final LongIntMap indexOfId;
        private final LongIntMap nodeOfKey;
        private final int[] nodeOfG;
        private final boolean[] orphan;
        private int[] site = new int[64];
        private int[] parent = new int[64];
        private int size = 1;

        Builder(GoroutineDump dump) {
            this.dump = dump;
            int n = dump.size();
            indexOfId = new LongIntMap(n);
            for (int g = 0; g < n; g++) {
                indexOfId.putIfAbsent(dump.id(g), g);
            }
            nodeOfKey = new LongIntMap(64);
            nodeOfG = new int[n];
            Arrays.fill(nodeOfG, -1);
            orphan = new boolean[n];
            site[0] = -1;
            parent[0] = -1;
        }

        CreationTree build() {
            int[] chain = new int[16];
            for (int g = 0; g < dump.size(); g++) {
                int len = 0;
                int x = g;
                while (x >= 0 && nodeOfG[x] < 0) {
                    if (len == chain.length) {
                        chain = Arrays.copyOf(chain, len * 2);
                    }
                    chain[len++] = x;
                    nodeOfG[x] = -2;
                    x = creatorIndex(x);
                    if (x >= 0 && nodeOfG[x] == -2) {
                        x = -1;
                    }
                }
                for (int i = len - 1; i >= 0; i--) {
                    int c = chain[i];
                    int p = creatorIndex(c);
                    int parentNode = p >= 0 && nodeOfG[p] >= 0 ? nodeOfG[p] : ROOT;
                    orphan[c] = dump.parentId(c) >= 0 && (p < 0 || nodeOfG[p] < 0);
                    nodeOfG[c] = node(parentNode, dump.createdBy(c));
                }
            }
            return layout();
        }

        private int creatorIndex(int g) {
            long pid = dump.parentId(g);
            return pid < 0 ? -1 : indexOfId.get(pid);
        }

        private int node(int parentNode, int frame) {
            long key = ((long) parentNode << 32) | (frame & 0xffffffffL);
            int n = nodeOfKey.putIfAbsent(key, size);
            if (n == size) {
                if (size == site.length) {
                    site = Arrays.copyOf(site, size * 2);
                    parent = Arrays.copyOf(parent, size * 2);
                }
                site[size] = frame;
                parent[size] = parentNode;
                size++;
            }
            return n;
        }

        /** Renumbers in pre-order with children by total, largest first; fills counts and members. */
        private CreationTree layout() {
            int[] cnt = new int[size];
            int[] orph = new int[size];
            for (int g = 0; g < dump.size(); g++) {
                cnt[nodeOfG[g]]++;
                if (orphan[g]) {
                    orph[nodeOfG[g]]++;
                }
            }
            int[] tot = Arrays.copyOf(cnt, size);
            for (int n = size - 1; n > 0; n--) {
                tot[parent[n]] += tot[n];
            }
            Integer[] byParent = new Integer[size - 1];
            for (int n = 1; n < size; n++) {
                byParent[n - 1] = n;
            }
            Arrays.sort(byParent, (a, b) -> parent[a] != parent[b] ? Integer.compare(parent[a], parent[b])
                    : tot[a] != tot[b] ? Integer.compare(tot[b], tot[a]) : Integer.compare(a, b));
            int[] childStart = new int[size + 1];
            for (int n = 1; n < size; n++) {
                childStart[parent[n] + 1]++;
            }
            for (int n = 0; n < size; n++) {
                childStart[n + 1] += childStart[n];
            }
            int[] newId = new int[size];
            int[] order = new int[size];
            int[] stack = new int[size];
            int sp = 0;
            int next = 0;
            stack[sp++] = ROOT;
            while (sp > 0) {
                int n = stack[--sp];
                newId[n] = next;
                order[next++] = n;
                for (int i = childStart[n + 1] - 1; i >= childStart[n]; i--) {
                    stack[sp++] = byParent[i];
                }
            }
            int[] siteOut = new int[size];
            int[] parentOut = new int[size];
            int[] depthOut = new int[size];
            int[] endOut = new int[size];
            int[] countOut = new int[size];
            int[] totalOut = new int[size];
            int[] orphansOut = new int[size];
            for (int i = 0; i < size; i++) {
                int n = order[i];
                siteOut[i] = site[n];
                parentOut[i] = n == ROOT ? -1 : newId[parent[n]];
                depthOut[i] = n == ROOT ? 0 : depthOut[parentOut[i]] + 1;
                countOut[i] = cnt[n];
                totalOut[i] = tot[n];
                orphansOut[i] = orph[n];
                endOut[i] = i + 1;
            }
            for (int i = size - 1; i > 0; i--) {
                endOut[parentOut[i]] = Math.max(endOut[parentOut[i]], endOut[i]);
            }
            int[] memberStart = new int[size + 1];
            for (int i = 0; i < size; i++) {
                memberStart[i + 1] = memberStart[i] + countOut[i];
            }
            int[] fill = Arrays.copyOf(memberStart, size);
            int[] members = new int[dump.size()];
            int[] nodeOf = new int[dump.size()];
            for (int g = 0; g < dump.size(); g++) {
                nodeOf[g] = newId[nodeOfG[g]];
                members[fill[nodeOf[g]]++] = g;
            }
            return new CreationTree(dump, siteOut, parentOut, depthOut, endOut, countOut, totalOut, orphansOut,
                    memberStart, members, nodeOf);
        }
    }
}
