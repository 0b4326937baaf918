package dev.kiln.processor.validation;

import javax.tools.Diagnostic;

/**
 * Every diagnostic Kiln emits, in one catalogue. The tag is stable: tests, docs and users'
 * {@code @SuppressWarnings} refer to it. Messages say what is wrong, why, and the fix.
 */
public enum Message {
  MODEL_NOT_INTERFACE("model-not-interface", Diagnostic.Kind.ERROR,
      "@Model goes on an interface, and %s is %s. Declare %s as an interface whose methods return Layer"),
  MODEL_GENERIC("model-generic", Diagnostic.Kind.ERROR,
      "@Model interface %s has type parameters; a network has fixed types. Remove the type parameters"),
  RUNTIME_MISSING("runtime-missing", Diagnostic.Kind.ERROR,
      "dev.kiln.runtime.Layer is not on the class path. Add the kiln-runtime dependency"),
  MISSING_LOSS("missing-loss", Diagnostic.Kind.ERROR,
      "@Model %s has no @Loss; the trainer needs one. Add @Loss(LossKind.CROSS_ENTROPY) or another LossKind"),
  NO_LAYERS("no-layers", Diagnostic.Kind.ERROR,
      "@Model %s declares no layers. Add abstract methods returning Layer, such as "
          + "@Linear(in = 2, out = 10) Layer hidden();"),
  LAYER_RETURN_TYPE("layer-return-type", Diagnostic.Kind.ERROR,
      "Layer method %s() returns %s; layer methods return dev.kiln.runtime.Layer"),
  LAYER_PARAMETERS("layer-parameters", Diagnostic.Kind.ERROR,
      "Layer method %s() takes parameters; layer methods take none. Remove the parameters"),
  LAYER_WITHOUT_ANNOTATION("layer-without-annotation", Diagnostic.Kind.ERROR,
      "Layer method %s() has neither @Linear, an activation nor @Dropout. Annotate it, e.g. @Linear(out = 10)"),
  RESERVED_LAYER_NAME("reserved-layer-name", Diagnostic.Kind.ERROR,
      "Layer name %s() is taken by the generated model. Rename the method"),
  LAYER_NAME_CLASH("layer-name-clash", Diagnostic.Kind.ERROR,
      "Layer methods %s() and %s() both become the constants %s_* in generated code. Rename one of them"),
  TWO_ACTIVATIONS("two-activations", Diagnostic.Kind.ERROR,
      "@%s follows @%s on %s(); a member takes at most one activation. Declare a second member for it, "
          + "e.g. @%s Layer %sActivation();"),
  FIRST_LAYER_WITHOUT_IN("first-layer-without-in", Diagnostic.Kind.ERROR,
      "The first layer, %s(), has no input size; nothing before it can supply one. Add it: @Linear(in = ..., out = %s)"),
  FIRST_LAYER_NOT_LINEAR("first-layer-not-linear", Diagnostic.Kind.ERROR,
      "The first layer, %s(), has no @Linear, so the network's input size is unknown. "
          + "Start with @Linear(in = ..., out = ...)"),
  IN_MISMATCH("in-mismatch", Diagnostic.Kind.ERROR,
      "@Linear(in = %d) on %s() does not match the %d outputs of %s(). Use in = %d, or leave in out"),
  SIZE_NOT_POSITIVE("size-not-positive", Diagnostic.Kind.ERROR,
      "@Linear(%s = %d) on %s() is not a size; sizes are at least 1"),
  SOFTMAX_BEFORE_CROSS_ENTROPY("softmax-before-cross-entropy", Diagnostic.Kind.ERROR,
      "@Softmax on %s() feeds @Loss(CROSS_ENTROPY), which applies log-softmax itself: the double softmax "
          + "squashes the logits and stalls training. Remove @Softmax; the model's probabilities() gives "
          + "softmax probabilities"),
  WRITE_FAILED("write-failed", Diagnostic.Kind.ERROR,
      "Cannot write %s for @Model %s: %s. Check that the build's generated-sources folder is writable"),
  INTERNAL_ERROR("internal-error", Diagnostic.Kind.ERROR,
      "Kiln failed on %s: %s. This is a bug in Kiln; please report it with this declaration");

  private final String tag;
  private final Diagnostic.Kind kind;
  private final String format;

  Message(String tag, Diagnostic.Kind kind, String format) {
    this.tag = tag;
    this.kind = kind;
    this.format = format;
  }

  /** The stable tag, e.g. {@code softmax-before-cross-entropy}. */
  public String tag() {
    return tag;
  }

  public Diagnostic.Kind kind() {
    return kind;
  }

  /** The text as the user sees it: {@code [kiln:tag] message}. */
  public String format(Object... args) {
    return "[kiln:" + tag + "] " + String.format(format, args);
  }
}
