package dev.kiln.dsl;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an interface as a Kiln network. Each abstract method returning {@code dev.kiln.runtime.Layer},
 * in source order, is one layer; the method's name prefixes the layer's parameters in the state dict
 * ({@code hidden.weight}, {@code hidden.bias}).
 *
 * <p>For an interface {@code BlobNet} the processor generates {@code BlobNetModel} and
 * {@code BlobNetTrainer} in the same package.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Model {}
