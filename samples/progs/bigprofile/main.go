// Command bigprofile writes a large, valid pprof CPU profile (profile.proto, uncompressed by default) with many
// distinct stacks, for benchmarking profile readers against `go tool pprof`.
//
// A real Go program cannot easily produce a CPU profile of hundreds of megabytes: the runtime merges identical
// stacks, so the size grows with distinct stacks, and real services have tens of thousands, not millions. This
// generator builds a synthetic layered call graph (30,000 functions over 40 levels, a "hot" callee per function
// so prefixes are shared as in real services, 2,000 small helpers inlined into a quarter of the call sites) and
// random-walks it: each sample is a walk of 10–40 frames, with pprof labels on about a third. It writes the
// fields in the order the Go runtime does (locations and functions just before the first sample that uses them,
// the string table last), so the file looks like what runtime/pprof writes, only bigger.
//
//	go run ./progs/bigprofile -o /tmp/big.pb -mb 300
package main

import (
	"bufio"
	"compress/gzip"
	"flag"
	"fmt"
	"io"
	"log"
	"math/rand"
	"os"
)

const (
	levels       = 40
	perLevel     = 750
	helpers      = 2000
	maxCallees   = 6
	hotCallee    = 0.7
	labelledPart = 0.3
	periodNanos  = 10_000_000
)

// buf is a protobuf encoder into a byte slice.
type buf []byte

func (b buf) varint(v uint64) buf {
	for v >= 0x80 {
		b = append(b, byte(v)|0x80)
		v >>= 7
	}
	return append(b, byte(v))
}

func (b buf) tag(field, wire int) buf { return b.varint(uint64(field<<3 | wire)) }

func (b buf) uint(field int, v uint64) buf {
	if v == 0 {
		return b
	}
	return b.tag(field, 0).varint(v)
}

func (b buf) bytes(field int, p []byte) buf {
	return append(b.tag(field, 2).varint(uint64(len(p))), p...)
}

func (b buf) packed(field int, vs []uint64) buf {
	var inner buf
	for _, v := range vs {
		inner = inner.varint(v)
	}
	return b.bytes(field, inner)
}

type strings struct {
	ids  map[string]uint64
	list []string
}

func (s *strings) id(v string) uint64 {
	if id, ok := s.ids[v]; ok {
		return id
	}
	id := uint64(len(s.list))
	s.ids[v] = id
	s.list = append(s.list, v)
	return id
}

type function struct {
	name, file string
	callees    []int
	inlined    []int // helper inlined at each call site, -1 for none
}

type generator struct {
	rnd       *rand.Rand
	funcs     []function
	helpers   []function
	str       strings
	out       io.Writer
	written   int64
	funcDone  map[uint64]bool
	locIDs    map[[3]int]uint64
	locDone   map[uint64]bool
	scratch   buf
	handlers  []uint64
	handlerID uint64
}

func newGenerator(seed int64, out io.Writer) *generator {
	g := &generator{rnd: rand.New(rand.NewSource(seed)), out: out, funcDone: map[uint64]bool{},
		locIDs: map[[3]int]uint64{}, locDone: map[uint64]bool{}, str: strings{ids: map[string]uint64{}}}
	g.str.id("")
	for i := 0; i < helpers; i++ {
		g.helpers = append(g.helpers, function{
			name: fmt.Sprintf("github.com/acme/lib%d/internal/util.(*buffer%d).grow", i%37, i),
			file: fmt.Sprintf("/src/github.com/acme/lib%d/internal/util/buffer.go", i%37),
		})
	}
	for l := 0; l < levels; l++ {
		for i := 0; i < perLevel; i++ {
			f := function{
				name: fmt.Sprintf("github.com/acme/svc%d/pkg%d.(*Handler%d).Serve%d", l%9, l, i%50, i),
				file: fmt.Sprintf("/src/github.com/acme/svc%d/pkg%d/handler%d.go", l%9, l, i%50),
			}
			if l < levels-1 {
				n := 1 + g.rnd.Intn(maxCallees)
				for k := 0; k < n; k++ {
					f.callees = append(f.callees, (l+1)*perLevel+g.rnd.Intn(perLevel))
					inl := -1
					if g.rnd.Intn(4) == 0 {
						inl = g.rnd.Intn(helpers)
					}
					f.inlined = append(f.inlined, inl)
				}
			}
			g.funcs = append(g.funcs, f)
		}
	}
	for i := 0; i < 20; i++ {
		g.handlers = append(g.handlers, g.str.id(fmt.Sprintf("/api/v1/resource%d", i)))
	}
	g.handlerID = g.str.id("handler")
	return g
}

func (g *generator) write(b buf) {
	n, err := g.out.Write(b)
	if err != nil {
		log.Fatal(err)
	}
	g.written += int64(n)
}

func (g *generator) functionID(f *function, id uint64) uint64 {
	if !g.funcDone[id] {
		g.funcDone[id] = true
		var m buf
		m = m.uint(1, id).uint(2, g.str.id(f.name)).uint(3, g.str.id(f.name)).uint(4, g.str.id(f.file))
		g.write(buf(nil).bytes(5, m))
	}
	return id
}

// location returns the id of the location in function fn at call site site (or leaf line site when leaf),
// writing it and its functions first if new.
func (g *generator) location(fn, site int, leaf bool) uint64 {
	kind := 0
	if leaf {
		kind = 1
	}
	key := [3]int{fn, site, kind}
	id, ok := g.locIDs[key]
	if !ok {
		id = uint64(len(g.locIDs) + 1)
		g.locIDs[key] = id
	}
	if g.locDone[id] {
		return id
	}
	g.locDone[id] = true
	f := &g.funcs[fn]
	var loc buf
	loc = loc.uint(1, id).uint(2, 1).uint(3, 0x400000+id*16)
	if !leaf && f.inlined[site] >= 0 {
		h := f.inlined[site]
		hid := g.functionID(&g.helpers[h], uint64(len(g.funcs)+h+1))
		loc = loc.bytes(4, buf(nil).uint(1, hid).uint(2, uint64(20+h%40)))
	}
	fid := g.functionID(f, uint64(fn+1))
	line := uint64(100 + site*7)
	if leaf {
		line = uint64(50 + site)
	}
	loc = loc.bytes(4, buf(nil).uint(1, fid).uint(2, line))
	g.write(buf(nil).bytes(4, loc))
	return id
}

func (g *generator) sample() {
	depth := 10 + g.rnd.Intn(31)
	fn := g.rnd.Intn(perLevel / 10)
	var stack []uint64 // outermost first
	for d := 0; d < depth-1 && len(g.funcs[fn].callees) > 0; d++ {
		site := 0
		if g.rnd.Float64() > hotCallee {
			site = g.rnd.Intn(len(g.funcs[fn].callees))
		}
		stack = append(stack, g.location(fn, site, false))
		fn = g.funcs[fn].callees[site]
	}
	stack = append(stack, g.location(fn, g.rnd.Intn(4), true))
	leafFirst := make([]uint64, len(stack))
	for i, id := range stack {
		leafFirst[len(stack)-1-i] = id
	}
	count := uint64(1 + g.rnd.Intn(5))
	s := g.scratch[:0].packed(1, leafFirst).packed(2, []uint64{count, count * periodNanos})
	if g.rnd.Float64() < labelledPart {
		s = s.bytes(3, buf(nil).uint(1, g.handlerID).uint(2, g.handlers[g.rnd.Intn(len(g.handlers))]))
	}
	g.scratch = s
	g.write(buf(nil).bytes(2, s))
}

func main() {
	out := flag.String("o", "big.pb", "output file")
	mb := flag.Int64("mb", 300, "approximate size to write, in MiB (of the uncompressed profile)")
	seed := flag.Int64("seed", 1, "random seed")
	gz := flag.Bool("gzip", false, "gzip the output, as runtime/pprof does")
	flag.Parse()

	f, err := os.Create(*out)
	if err != nil {
		log.Fatal(err)
	}
	bw := bufio.NewWriterSize(f, 1<<20)
	var w io.Writer = bw
	var zw *gzip.Writer
	if *gz {
		zw = gzip.NewWriter(bw)
		w = zw
	}
	g := newGenerator(*seed, w)
	var b buf
	b = b.bytes(1, buf(nil).uint(1, g.str.id("samples")).uint(2, g.str.id("count")))
	b = b.bytes(1, buf(nil).uint(1, g.str.id("cpu")).uint(2, g.str.id("nanoseconds")))
	g.write(b)
	samples := 0
	for g.written < *mb<<20 {
		g.sample()
		samples++
	}
	b = buf(nil).uint(9, 1_700_000_000_000_000_000).uint(10, 60_000_000_000)
	b = b.bytes(11, buf(nil).uint(1, g.str.id("cpu")).uint(2, g.str.id("nanoseconds"))).uint(12, periodNanos)
	g.write(b)
	mapping := buf(nil).uint(1, 1).uint(2, 0x400000).uint(3, 0x400000+uint64(len(g.locIDs)+1)*16).
		uint(5, g.str.id("/usr/local/bin/bigservice")).uint(7, 1).uint(8, 1).uint(9, 1).uint(10, 1)
	g.write(buf(nil).bytes(3, mapping))
	for _, s := range g.str.list {
		g.write(buf(nil).bytes(6, []byte(s)))
	}
	if zw != nil {
		if err := zw.Close(); err != nil {
			log.Fatal(err)
		}
	}
	if err := bw.Flush(); err != nil {
		log.Fatal(err)
	}
	if err := f.Close(); err != nil {
		log.Fatal(err)
	}
	fmt.Fprintf(os.Stderr, "%s: %d samples, %d locations, %d functions, %d strings, %d MiB\n", *out, samples,
		len(g.locIDs), len(g.funcDone), len(g.str.list), g.written>>20)
}
