package dev.kiln.dsl;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The loss a {@link Model} is trained with. */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Loss {
  LossKind value();

  /** How per-sample losses are combined into the batch's loss. */
  Reduction reduction() default Reduction.MEAN;
}
