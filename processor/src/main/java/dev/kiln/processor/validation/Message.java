package dev.kiln.processor.validation;

import javax.tools.Diagnostic;

/**
 * Every diagnostic Kiln emits, in one catalogue. The tag is stable: tests, docs and users'
 * {@code @SuppressWarnings} refer to it. Messages say what is wrong, why, and the fix.
 */
public enum Message {
  // The model and its members.
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
      "Layer method %s() has no layer annotation: a kind (@Linear, @Conv2d, a pool, @Flatten, a norm, @Dropout),"
          + " an activation, or @Residual on a block. Annotate it, e.g. @Linear(out = 10)"),
  RESERVED_LAYER_NAME("reserved-layer-name", Diagnostic.Kind.ERROR,
      "Layer name %s() is taken by the generated model. Rename the method"),
  LAYER_NAME_CLASH("layer-name-clash", Diagnostic.Kind.ERROR,
      "Layer methods %s() and %s() both become the constants %s_* in generated code. Rename one of them"),
  GENERATED_NAME_CLASH("generated-name-clash", Diagnostic.Kind.ERROR,
      "@Model %s generates %s, and %s already declares that name. Rename the interface or the other type"),
  BLOCK_NOT_INTERFACE("block-not-interface", Diagnostic.Kind.ERROR,
      "@Block goes on an interface, and %s is %s. Declare %s as an interface whose methods return Layer"),
  BLOCK_GENERIC("block-generic", Diagnostic.Kind.ERROR,
      "@Block interface %s has type parameters; a block has fixed types. Remove the type parameters"),
  BLOCK_WITH_LOSS("block-with-loss", Diagnostic.Kind.ERROR,
      "@Block %s has a @Loss; only a @Model has one. Move the @Loss to the model that uses %s"),
  BLOCK_WITH_INPUT("block-with-input", Diagnostic.Kind.ERROR,
      "@Block %s has an @Input; a block's sizes flow in from where it is used. Remove the @Input"),
  BLOCK_CONTAINS_ITSELF("block-contains-itself", Diagnostic.Kind.ERROR,
      "%s() uses @Block %s inside %s itself, which would never end. Use another block type here"),
  BLOCK_NO_LAYERS("block-no-layers", Diagnostic.Kind.ERROR,
      "@Block %s, used by %s(), declares no layers. Add abstract methods returning Layer"),
  RESIDUAL_SHAPE_MISMATCH("residual-shape-mismatch", Diagnostic.Kind.ERROR,
      "@Residual on %s() adds its input of %s to the output of its block, %s, and the two differ. Make the "
          + "block end in the shape it starts with, e.g. with a projection: a 1x1 @Conv2d or a @Linear as its last layer"),
  RESIDUAL_NOT_ON_BLOCK("residual-not-on-block", Diagnostic.Kind.ERROR,
      "@Residual on %s() needs a block to go around, and %s() returns %s. Return a @Block interface, or remove "
          + "@Residual"),
  TWO_LAYERS("two-layers", Diagnostic.Kind.ERROR,
      "@%s follows @%s on %s(); a member holds one layer, with at most an activation and dropout. Declare a "
          + "member of its own for it, e.g. @%s Layer %sNext();"),
  TWO_ACTIVATIONS("two-activations", Diagnostic.Kind.ERROR,
      "@%s follows @%s on %s(); a member takes at most one activation. Declare a second member for it, "
          + "e.g. @%s Layer %sActivation();"),

  // Shapes, for every kind: where the input size comes from, and what fits a Java array.
  FIRST_LAYER_WITHOUT_IN("first-layer-without-in", Diagnostic.Kind.ERROR,
      "The first layer, %s(), has no input size; nothing before it can supply one. Add it: @%s(in = ..., out = %s)"),
  FIRST_LAYER_NOT_LINEAR("first-layer-not-linear", Diagnostic.Kind.ERROR,
      "The first layer, %s(), does not say the network's input size. Declare it on the model with"
          + " @Input(features = ...) or @Input(channels = ..., height = ..., width = ...), or start with"
          + " @Linear(in = ..., out = ...)"),
  TENSOR_TOO_LARGE("tensor-too-large", Diagnostic.Kind.ERROR,
      "@%s on %s() makes %s %s, %s values: more than the %d a Java array holds. Make the layer smaller"),
  PARAMETERS_TOO_LARGE("parameters-too-large", Diagnostic.Kind.ERROR,
      "@%s on %s() brings the model to %d parameters: more than the %d one Java array holds. Make the network "
          + "smaller"),
  OUTPUT_TOO_LARGE("output-too-large", Diagnostic.Kind.ERROR,
      "@%s on %s() gives %s values per example: more than the %d a Java array holds. Make the layer smaller"),

  // @Input.
  INPUT_BOTH_FORMS("input-both-forms", Diagnostic.Kind.ERROR,
      "@Input gives features and channels, height, width; one example is either a vector or feature maps. "
          + "Keep one form"),
  INPUT_WITHOUT_SIZE("input-without-size", Diagnostic.Kind.ERROR,
      "@Input gives no size. Give @Input(features = ...) for vectors, or @Input(channels = ..., height = ..., "
          + "width = ...) for feature maps"),
  INPUT_SIZE_NOT_POSITIVE("input-size-not-positive", Diagnostic.Kind.ERROR,
      "@Input(%s = %d) is not a size; sizes are at least 1"),
  INPUT_MISMATCH("input-mismatch", Diagnostic.Kind.ERROR,
      "@%s(in = %d) on %s() does not match @Input(features = %d). Use in = %d, or leave in out"),
  LOSS_ON_FEATURE_MAP("loss-on-feature-map", Diagnostic.Kind.ERROR,
      "@Loss(%s) takes a vector per example, and %s() gives feature maps of %s. End the network with @Flatten "
          + "and a @Linear"),

  // @Flatten.
  FLATTEN_ON_FLAT("flatten-on-flat", Diagnostic.Kind.WARNING,
      "@%s on %s() receives %d features, already flat: it changes nothing. Remove it"),

  // @Linear.
  LINEAR_ON_FEATURE_MAP("linear-on-feature-map", Diagnostic.Kind.ERROR,
      "@%s on %s() receives feature maps of %s and takes a vector. Add a @Flatten member before %s(); it would "
          + "get in = %d = %s"),
  FLATTENED_IN_MISMATCH("flattened-in-mismatch", Diagnostic.Kind.ERROR,
      "@%s(in = %d) on %s() does not match the %s values that %s() flattens to. Use in = %d, or leave in out"),
  IN_MISMATCH("in-mismatch", Diagnostic.Kind.ERROR,
      "@%s(in = %d) on %s() does not match the %d outputs of %s(). Use in = %d, or leave in out"),
  SIZE_NOT_POSITIVE("size-not-positive", Diagnostic.Kind.ERROR,
      "@%s(%s = %d) on %s() is not a size; sizes are at least 1"),

  // @Conv2d, and every kind that slides a window over feature maps.
  WINDOW_SIZE_NOT_POSITIVE("window-size-not-positive", Diagnostic.Kind.ERROR,
      "@%s(%s = %d) on %s() is not a size; %s is at least 1"),
  NEGATIVE_PADDING("negative-padding", Diagnostic.Kind.ERROR,
      "@%s(padding = %d) on %s() is negative; padding is at least 0"),
  MAPS_WITHOUT_INPUT("maps-without-input", Diagnostic.Kind.ERROR,
      "@%s on %s() reads feature maps, and the model does not say their shape. Add @Input(channels = ..., "
          + "height = ..., width = ...) to the model"),
  MAPS_AFTER_FLAT("maps-after-flat", Diagnostic.Kind.ERROR,
      "@%s on %s() reads feature maps, and receives %d flat features. Move it before the @Flatten, or remove it"),
  CONV_IN_MISMATCH("conv-in-mismatch", Diagnostic.Kind.ERROR,
      "@%s(in = %d) on %s() does not match the %d channels of the %s feature maps it receives. Use in = %d, or "
          + "leave in out"),
  KERNEL_LARGER_THAN_INPUT("kernel-larger-than-input", Diagnostic.Kind.ERROR,
      "@%s on %s() spans %d values (kernel %d, dilation %d), more than the %s of %d plus padding %d on each side "
          + "of the %s feature maps it receives. Use a smaller kernel or dilation, or more padding"),
  POOL_PADDING_TOO_LARGE("pool-padding-too-large", Diagnostic.Kind.ERROR,
      "@%s(padding = %d) on %s() is more than half its kernel of %d, which PyTorch refuses. Use padding = %d or less"),
  UNCOVERED_INPUT("uncovered-input", Diagnostic.Kind.WARNING,
      "@%s(stride = %d) on %s() leaves the last %d %s of its %s input unused; PyTorch drops them too. Change "
          + "the padding or the stride to cover them"),

  // @BatchNorm1d, @BatchNorm2d and @LayerNorm.
  NORM_WITHOUT_INPUT("norm-without-input", Diagnostic.Kind.ERROR,
      "@%s on %s() normalises what flows into it, and nothing does: it comes first and the model has no "
          + "@Input. Add @Input(features = ...) or @Input(channels = ..., height = ..., width = ...) to the model"),
  BATCH_NORM_2D_ON_VECTOR("batchnorm2d-on-vector", Diagnostic.Kind.ERROR,
      "@%s on %s() normalises feature maps channel by channel, and receives %d flat features. Use "
          + "@BatchNorm1d here, or move it before the @Flatten"),
  BATCH_NORM_1D_ON_MAPS("batchnorm1d-on-maps", Diagnostic.Kind.ERROR,
      "@%s on %s() normalises a vector's features, and receives feature maps of %s. Use @BatchNorm2d, which "
          + "normalises each channel"),
  LAYER_NORM_OF_ONE("layer-norm-of-one", Diagnostic.Kind.ERROR,
      "@%s on %s() normalises a single value, so its output is always its bias, whatever the input. Give the "
          + "layer before it more outputs, or remove the @%s"),
  NORM_OPTION_OUT_OF_RANGE("norm-option-out-of-range", Diagnostic.Kind.ERROR,
      "@%s(%s = %s) on %s() is out of range: %s. Choose a value in that range"),
  DROPOUT_BEFORE_BATCH_NORM("dropout-before-batch-norm", Diagnostic.Kind.WARNING,
      "@%s on %s() comes just before @%s on %s(): dropout changes the variance that batch normalization "
          + "learns in training, and evaluation then sees another, which costs accuracy. Move the dropout after "
          + "the normalization, or remove it"),

  // Activations.
  SOFTMAX_ON_FEATURE_MAP("softmax-on-feature-map", Diagnostic.Kind.ERROR,
      "@%s on %s() receives feature maps of %s; it normalises a vector of features. Add a @Flatten member "
          + "before it"),
  ACTIVATION_OPTION_OUT_OF_RANGE("activation-option-out-of-range", Diagnostic.Kind.ERROR,
      "@%s(%s = %s) on %s() is out of range: %s. Choose a value in that range"),
  SOFTMAX_OF_ONE("softmax-of-one", Diagnostic.Kind.ERROR,
      "@%s on %s() acts on a single value, so its output is always %s. Give the layer more outputs, or use "
          + "@Sigmoid for the probability of one output"),
  SOFTMAX_ON_HIDDEN_LAYER("softmax-on-hidden-layer", Diagnostic.Kind.WARNING,
      "@%s on hidden layer %s() normalises features that the next layer needs free. Use an activation such as "
          + "@ReLU here, and normalise only the output"),

  // @Dropout.
  DROPOUT_PROBABILITY("dropout-probability", Diagnostic.Kind.ERROR,
      "@%s(p = %s) on %s() is not a probability of dropping an output; p is in [0, 1). Choose a value in that range"),
  DROPOUT_ON_OUTPUT("dropout-on-output", Diagnostic.Kind.WARNING,
      "@%s on %s() zeroes the network's outputs while training, so the loss sees outputs the model never "
          + "gives. Move @%s before the last @Linear"),

  // The final activation against the loss.
  SOFTMAX_BEFORE_CROSS_ENTROPY("softmax-before-cross-entropy", Diagnostic.Kind.ERROR,
      "@Softmax on %s() feeds @Loss(CROSS_ENTROPY), which applies log-softmax itself: the double softmax "
          + "squashes the logits and stalls training. Remove @Softmax; the model's probabilities() gives "
          + "softmax probabilities"),
  SIGMOID_BEFORE_LOGITS_LOSS("sigmoid-before-logits-loss", Diagnostic.Kind.ERROR,
      "@Sigmoid on %s() feeds @Loss(%s), which applies the sigmoid itself: the double sigmoid squashes "
          + "the logits and stalls training. Remove @Sigmoid; the model's probabilities() gives sigmoid probabilities"),
  BCE_NEEDS_PROBABILITIES("bce-needs-probabilities", Diagnostic.Kind.ERROR,
      "@Loss(BCE) takes probabilities in [0, 1], and %s() gives %s. Use @Loss(BCE_WITH_LOGITS), which takes "
          + "the logits and applies the sigmoid itself, stably"),
  SOFTMAX_BEFORE_BINARY_LOSS("softmax-before-binary-loss", Diagnostic.Kind.ERROR,
      "@Softmax on %s() feeds @Loss(%s), a loss for independent yes-or-no outputs: softmax makes the outputs "
          + "compete for one class. For one class per row use @Loss(CROSS_ENTROPY) without @Softmax; for "
          + "independent labels remove @Softmax and use @Loss(BCE_WITH_LOGITS)"),
  SIGMOID_BEFORE_CLASS_LOSS("sigmoid-before-class-loss", Diagnostic.Kind.ERROR,
      "@Sigmoid on %s() feeds @Loss(%s), a loss over one class per row: independent sigmoids are not class "
          + "scores. %s, or use @Loss(BCE_WITH_LOGITS) for independent labels"),
  SOFTMAX_BEFORE_LOG_PROBABILITY_LOSS("softmax-before-log-probability-loss", Diagnostic.Kind.ERROR,
      "@Softmax on %s() feeds @Loss(%s), which expects log-probabilities, not probabilities. Use @LogSoftmax"),
  NOT_LOG_PROBABILITIES("not-log-probabilities", Diagnostic.Kind.ERROR,
      "@%s on %s() feeds @Loss(%s), which expects log-probabilities, and @%s gives values above 0, which no "
          + "log-probability is. Use @LogSoftmax"),
  SIGMOID_BEFORE_BCE("sigmoid-before-bce", Diagnostic.Kind.WARNING,
      "@Sigmoid on %s() feeds @Loss(BCE): it works, but BCE_WITH_LOGITS is numerically more stable, since it "
          + "never takes the log of a probability rounded to 0 or 1. Remove @Sigmoid and use @Loss(BCE_WITH_LOGITS)"),
  LOG_SOFTMAX_BEFORE_CROSS_ENTROPY("log-softmax-before-cross-entropy", Diagnostic.Kind.WARNING,
      "@LogSoftmax on %s() feeds @Loss(CROSS_ENTROPY), which applies log-softmax itself: the second one changes "
          + "nothing and costs time. Remove @LogSoftmax, or use @Loss(NLL)"),
  NLL_NEEDS_LOG_PROBABILITIES("nll-needs-log-probabilities", Diagnostic.Kind.WARNING,
      "@Loss(NLL) expects log-probabilities, and %s() gives %s. Add @LogSoftmax, or use @Loss(CROSS_ENTROPY) "
          + "on the logits"),
  NON_NEGATIVE_LOGITS("non-negative-logits", Diagnostic.Kind.WARNING,
      "@%s on %s() feeds @Loss(%s), which takes logits: logits that cannot go negative cannot score a class "
          + "below the others. Remove @%s"),
  SQUASHED_LOGITS("squashed-logits", Diagnostic.Kind.WARNING,
      "@Tanh on %s() feeds @Loss(CROSS_ENTROPY): logits squashed into [-1, 1] cap how confident the model can "
          + "be. Remove @Tanh"),

  // @Loss and its options.
  CLASS_LOSS_ONE_OUTPUT("class-loss-one-output", Diagnostic.Kind.ERROR,
      "@Loss(%s) needs one output per class, and the network has 1: a single class is always right. Use "
          + "@Loss(BCE_WITH_LOGITS) for one yes-or-no output, or give %s() an output per class"),
  WEIGHT_LENGTH("weight-length", Diagnostic.Kind.ERROR,
      "@Loss(weight) has %d values and the network has %d outputs. Give one weight per %s"),
  POS_WEIGHT_LENGTH("pos-weight-length", Diagnostic.Kind.ERROR,
      "@Loss(posWeight) has %d values and the network has %d outputs. Give one value for all outputs, or one per output"),
  OPTION_NOT_TAKEN("option-not-taken", Diagnostic.Kind.ERROR,
      "@Loss(%s) does not take %s; it takes %s. Remove %s"),
  OPTION_OUT_OF_RANGE("option-out-of-range", Diagnostic.Kind.ERROR,
      "@Loss(%s = %s) is out of range: %s. Choose a value in that range"),
  BATCHMEAN_NEEDS_KL_DIV("batchmean-needs-kl-div", Diagnostic.Kind.ERROR,
      "@Loss(reduction = BATCHMEAN) is for KL_DIV; @Loss(%s) takes MEAN or SUM. Use one of those"),
  KL_DIV_MEAN("kl-div-mean", Diagnostic.Kind.WARNING,
      "@Loss(KL_DIV) with reduction MEAN divides by every element, not by the rows, so it is not the KL "
          + "divergence (PyTorch warns too). Use reduction = BATCHMEAN"),

  // Sequences: @Input(tokens), @Embedding, @PositionEmbedding, @SelfAttention, @TransformerEncoderLayer,
  // @SequencePool.
  INPUT_MIXED_FORMS("input-mixed-forms", Diagnostic.Kind.ERROR,
      "@Input mixes the %s form with %s; one example is a vector (features), feature maps (channels, height, "
          + "width), tokens (tokens, vocabulary) or a sequence (length, features). Keep one form"),
  INPUT_INCOMPLETE("input-incomplete", Diagnostic.Kind.ERROR,
      "@Input(%s = ...) needs %s too. Add @Input(%s)"),
  TOKENS_WITHOUT_EMBEDDING("tokens-without-embedding", Diagnostic.Kind.ERROR,
      "@%s on %s() receives the token ids of @Input(tokens = %d, vocabulary = %d); a token model starts with "
          + "@Embedding(dim = ...). Add an @Embedding member before %s()"),
  EMBEDDING_NOT_ON_TOKENS("embedding-not-on-tokens", Diagnostic.Kind.ERROR,
      "@%s on %s() reads token ids, and receives %s. An @Embedding is the first member of a model with "
          + "@Input(tokens = ..., vocabulary = ...); move it there, or remove it"),
  PADDING_INDEX_OUT_OF_RANGE("padding-index-out-of-range", Diagnostic.Kind.ERROR,
      "@%s(paddingIndex = %d) on %s() is not a token id of the vocabulary of %d. Use an id in [0, %d), or -1 for "
          + "no padding"),
  NOT_A_SEQUENCE("not-a-sequence", Diagnostic.Kind.ERROR,
      "@%s on %s() works on a sequence [length x dim], and receives %s. Put it after an @Embedding, or declare "
          + "@Input(length = ..., features = ...)"),
  SEQUENCE_WITHOUT_INPUT("sequence-without-input", Diagnostic.Kind.ERROR,
      "@%s on %s() works on a sequence, and nothing flows into it: it comes first and the model has no @Input. "
          + "Add @Input(tokens = ..., vocabulary = ...) and an @Embedding, or @Input(length = ..., features = ...)"),
  MAPS_ON_SEQUENCE("maps-on-sequence", Diagnostic.Kind.ERROR,
      "@%s on %s() reads feature maps, and receives a sequence of %s, which has no height and width. Remove it, "
          + "or use @SelfAttention or @TransformerEncoderLayer on sequences"),
  PER_POSITION_NOT_SUPPORTED("per-position-not-supported", Diagnostic.Kind.ERROR,
      "@%s on %s() receives a sequence of %s; Kiln applies it to vectors only, not yet to each position. Reduce "
          + "the sequence first with @SequencePool(...) or @Flatten"),
  POSITION_IN_MISMATCH("position-in-mismatch", Diagnostic.Kind.ERROR,
      "@%s(in = %d) on %s() does not match the sequence of %s it receives, which it applies to position by "
          + "position. Use in = %d, or leave in out"),
  HEADS_DO_NOT_DIVIDE("heads-do-not-divide", Diagnostic.Kind.ERROR,
      "@%s(heads = %d) on %s() does not divide the %d values of each position: each head takes dim / heads of "
          + "them. Use heads = %s, or change the dim"),
  SEQUENCE_DROPOUT("sequence-dropout", Diagnostic.Kind.ERROR,
      "@%s(dropout = %s) on %s() is not a probability of dropping; dropout is in [0, 1). Choose a value in that "
          + "range"),
  CAUSAL_FIRST_POOL("causal-first-pool", Diagnostic.Kind.WARNING,
      "@%s(FIRST) on %s() pools the first position, which the causal attention of %s() lets see only itself. "
          + "Use MEAN or MAX, or drop causal"),
  // Kiln itself.
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
