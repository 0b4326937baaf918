package dev.kiln.dsl;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a member that returns a {@link Block}: its output is its input plus the block's output, then the
 * member's activation if it has one (ResNet's order, {@code relu(x + f(x))}). The block's output must
 * have its input's shape.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Residual {}
