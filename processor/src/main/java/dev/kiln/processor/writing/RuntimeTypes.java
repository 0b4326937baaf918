package dev.kiln.processor.writing;

import com.palantir.javapoet.ClassName;

/**
 * The runtime and DSL types that the processor reads or generated code refers to: the one place their
 * names are written.
 */
public final class RuntimeTypes {
  private static final String RUNTIME = "dev.kiln.runtime";
  private static final String GENERATED_SUPPORT = RUNTIME + ".generated";
  private static final String ACTIVATIONS = RUNTIME + ".activation";
  private static final String KERNEL = RUNTIME + ".kernel";
  /** The package of the losses, each named by {@link LossCall}. */
  public static final String LOSSES = RUNTIME + ".loss";

  private static final String GRAPH = RUNTIME + ".graph";
  public static final ClassName LINEAR_OP = ClassName.get(GRAPH, "LinearOp");
  public static final ClassName CONV2D_OP = ClassName.get(GRAPH, "Conv2dOp");
  public static final ClassName MAX_POOL2D_OP = ClassName.get(GRAPH, "MaxPool2dOp");
  public static final ClassName AVG_POOL2D_OP = ClassName.get(GRAPH, "AvgPool2dOp");
  public static final ClassName FLATTEN_OP = ClassName.get(GRAPH, "FlattenOp");
  public static final ClassName BATCH_NORM_OP = ClassName.get(GRAPH, "BatchNormOp");
  public static final ClassName LAYER_NORM_OP = ClassName.get(GRAPH, "LayerNormOp");
  public static final ClassName PRELU_OP = ClassName.get(GRAPH, "PReluOp");
  public static final ClassName DROPOUT_OP = ClassName.get(GRAPH, "DropoutOp");
  public static final ClassName RESIDUAL_ADD_OP = ClassName.get(GRAPH, "ResidualAddOp");
  public static final ClassName ACTIVATION_OP = ClassName.get(GRAPH, "ActivationOp");
  public static final ClassName EMBEDDING_OP = ClassName.get(GRAPH, "EmbeddingOp");
  public static final ClassName POSITION_EMBEDDING_OP = ClassName.get(GRAPH, "PositionEmbeddingOp");
  public static final ClassName SELF_ATTENTION_OP = ClassName.get(GRAPH, "SelfAttentionOp");
  public static final ClassName TRANSFORMER_ENCODER_LAYER_OP = ClassName.get(GRAPH, "TransformerEncoderLayerOp");
  public static final ClassName SEQUENCE_POOL_OP = ClassName.get(GRAPH, "SequencePoolOp");
  public static final ClassName READOUT = ClassName.get(GRAPH, "Readout");
  public static final ClassName KILN_MODEL = ClassName.get(RUNTIME, "KilnModel");
  public static final ClassName GRADIENT_SUM = ClassName.get(RUNTIME, "GradientSum");
  public static final ClassName CLASS_INDEX_TRAINER = ClassName.get(RUNTIME, "ClassIndexTrainer");
  public static final ClassName FLOAT_TARGET_TRAINER = ClassName.get(RUNTIME, "FloatTargetTrainer");
  public static final ClassName LAYER = ClassName.get(RUNTIME, "Layer");
  public static final ClassName LAYER_VIEW = ClassName.get(GENERATED_SUPPORT, "LayerView");
  public static final ClassName ABSTRACT_TRAINER = ClassName.get(GENERATED_SUPPORT, "AbstractTrainer");
  public static final ClassName BATCHES = ClassName.get(GENERATED_SUPPORT, "Batches");
  public static final ClassName INITIALIZERS = ClassName.get(GENERATED_SUPPORT, "Initializers");
  public static final ClassName PREDICTIONS = ClassName.get(GENERATED_SUPPORT, "Predictions");
  public static final ClassName ACTIVATION = ClassName.get(ACTIVATIONS, "Activation");
  public static final ClassName PRELU = ClassName.get(ACTIVATIONS, "PReLU");
  public static final ClassName DROPOUT = ClassName.get(ACTIVATIONS, "Dropout");
  public static final ClassName DROPOUT_RANDOM = ClassName.get(ACTIVATIONS, "DropoutRandom");
  public static final ClassName MAX_POOL2D = ClassName.get(RUNTIME + ".pool", "MaxPool2d");
  public static final ClassName AVG_POOL2D = ClassName.get(RUNTIME + ".pool", "AvgPool2d");
  public static final ClassName CONV2D = ClassName.get(RUNTIME + ".conv", "Conv2d");
  public static final ClassName RESIDUAL_JOIN = ClassName.get(RUNTIME + ".generated", "ResidualJoin");
  public static final ClassName BATCH_NORM = ClassName.get(RUNTIME + ".norm", "BatchNorm");
  public static final ClassName LAYER_NORM = ClassName.get(RUNTIME + ".norm", "LayerNorm");
  private static final String SEQ = RUNTIME + ".seq";
  public static final ClassName EMBEDDING = ClassName.get(SEQ, "Embedding");
  public static final ClassName PADDING_MASK = ClassName.get(SEQ, "PaddingMask");
  public static final ClassName POSITION_EMBEDDING = ClassName.get(SEQ, "PositionEmbedding");
  public static final ClassName SELF_ATTENTION = ClassName.get(SEQ, "SelfAttention");
  public static final ClassName ENCODER_LAYER = ClassName.get(SEQ, "EncoderLayer");
  public static final ClassName SEQUENCE_POOL = ClassName.get(SEQ, "SequencePool");
  public static final ClassName GENERATOR = ClassName.get("dev.kiln.runtime.generation", "Generator");
  public static final ClassName SAMPLING = ClassName.get("dev.kiln.runtime.generation", "Sampling");
  public static final ClassName LINEAR_KERNELS = ClassName.get(KERNEL, "LinearKernels");
  public static final ClassName KERNEL_PROVIDER = ClassName.get(KERNEL, "KernelProvider");
  public static final ClassName STATE_DICT = ClassName.get(RUNTIME + ".io", "StateDict");
  public static final ClassName OPTIMIZER = ClassName.get(RUNTIME + ".optim", "Optimizer");
  public static final ClassName REDUCTION = ClassName.get("dev.kiln.dsl", "Reduction");
  public static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");
  public static final String PROCESSOR = "dev.kiln.processor.KilnProcessor";

  private RuntimeTypes() {}
}
