package dev.kiln.dsl;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A group of layers used as one member of a model or of another block: an interface whose methods are
 * layers as in a {@link Model}, without {@code @Loss} or {@code @Input}. A member whose return type is a
 * block is a sub-module, as in PyTorch: its tensors are named {@code member.inner.weight}. A block type
 * may be used many times, each use with parameters of its own; sizes flow in from where it is used.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Block {}
