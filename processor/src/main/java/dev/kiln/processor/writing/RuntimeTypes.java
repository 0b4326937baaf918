package dev.kiln.processor.writing;

import com.palantir.javapoet.ClassName;

/** The runtime and DSL types that generated code refers to. */
final class RuntimeTypes {
  static final ClassName KILN_MODEL = ClassName.get("dev.kiln.runtime", "KilnModel");
  static final ClassName CLASS_INDEX_TRAINER = ClassName.get("dev.kiln.runtime", "ClassIndexTrainer");
  static final ClassName FLOAT_TARGET_TRAINER = ClassName.get("dev.kiln.runtime", "FloatTargetTrainer");
  static final ClassName LAYER = ClassName.get("dev.kiln.runtime", "Layer");
  static final ClassName LINEAR_LAYER_VIEW = ClassName.get("dev.kiln.runtime", "LinearLayerView");
  static final ClassName ACTIVATION_LAYER_VIEW = ClassName.get("dev.kiln.runtime", "ActivationLayerView");
  static final ClassName ACTIVATION = ClassName.get("dev.kiln.runtime", "Activation");
  static final ClassName PRELU = ClassName.get("dev.kiln.runtime.activation", "PReLU");
  static final ClassName DROPOUT = ClassName.get("dev.kiln.runtime.activation", "Dropout");
  static final ClassName ABSTRACT_TRAINER = ClassName.get("dev.kiln.runtime", "AbstractTrainer");
  static final ClassName BATCHES = ClassName.get("dev.kiln.runtime", "Batches");
  static final ClassName INITIALIZERS = ClassName.get("dev.kiln.runtime", "Initializers");
  static final ClassName PREDICTIONS = ClassName.get("dev.kiln.runtime", "Predictions");
  static final ClassName KERNELS = ClassName.get("dev.kiln.runtime.kernel", "Kernels");
  static final ClassName KERNEL_PROVIDER = ClassName.get("dev.kiln.runtime.kernel", "KernelProvider");
  static final ClassName STATE_DICT = ClassName.get("dev.kiln.runtime.io", "StateDict");
  static final ClassName OPTIMIZER = ClassName.get("dev.kiln.runtime.optim", "Optimizer");
  static final ClassName OPTIMIZER_STATE = ClassName.get("dev.kiln.runtime.optim", "OptimizerState");
  static final ClassName REDUCTION = ClassName.get("dev.kiln.dsl", "Reduction");
  static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");
  static final String PROCESSOR = "dev.kiln.processor.KilnProcessor";

  private RuntimeTypes() {}
}
