package dev.goroscope.model.stack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GoFunctionNameTest {
    @Test
    void packageEndsAtTheFirstDotAfterTheLastSlash() {
        assertThat(GoFunctionName.packageOf("github.com/a/b.(*T).Method.func1")).isEqualTo("github.com/a/b");
        assertThat(GoFunctionName.packageOf("main.main")).isEqualTo("main");
        assertThat(GoFunctionName.packageOf("net/http.(*conn).serve")).isEqualTo("net/http");
        assertThat(GoFunctionName.packageOf("gopkg.in/yaml.v3.(*decoder).unmarshal")).isEqualTo("gopkg.in/yaml");
        assertThat(GoFunctionName.packageOf("main.Map[...]")).isEqualTo("main");
    }

    @Test
    void standardLibraryHasNoDotInItsFirstElement() {
        assertThat(GoFunctionName.isStandardLibrary("net/http.(*conn).serve")).isTrue();
        assertThat(GoFunctionName.isStandardLibrary("runtime.gopark")).isTrue();
        assertThat(GoFunctionName.isStandardLibrary("main.main")).isFalse();
        assertThat(GoFunctionName.isStandardLibrary("github.com/a/b.F")).isFalse();
    }

    @Test
    void shortNameKeepsTheLastPathElement() {
        assertThat(GoFunctionName.shortName("github.com/a/b.(*T).M")).isEqualTo("b.(*T).M");
        assertThat(GoFunctionName.shortName("main.main")).isEqualTo("main.main");
    }

    @Test
    void typeArgumentsReadAsATracebackPrintsThem() {
        assertThat(GoFunctionName.asTraceback("main.leakGenericWait[go.shape.int]")).isEqualTo("main.leakGenericWait[...]");
        assertThat(GoFunctionName.asTraceback("main.leakGenericWait[...]")).isEqualTo("main.leakGenericWait[...]");
        assertThat(GoFunctionName.asTraceback("example.com/p.(*Set[go.shape.map[string]int]).Add"))
                .isEqualTo("example.com/p.(*Set[...]).Add");
        assertThat(GoFunctionName.asTraceback("main.worker")).isEqualTo("main.worker");
    }
}
