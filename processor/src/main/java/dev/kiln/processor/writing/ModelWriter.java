package dev.kiln.processor.writing;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.kiln.dsl.LossKind;
import dev.kiln.processor.model.ArraySlot;
import dev.kiln.processor.model.Network;
import dev.kiln.processor.model.NetworkLayer;
import dev.kiln.processor.model.PlacedTensor;
import dev.kiln.processor.model.Shape;
import dev.kiln.processor.model.Stage;
import dev.kiln.processor.model.TensorDecl;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.lang.model.element.Modifier;

/** Writes {@code <Name>Model}: the parameters, their state-dict layout, inference and save/load. */
public final class ModelWriter {
  static final TypeName FLOATS = ArrayTypeName.of(TypeName.FLOAT);
  static final TypeName INTS = ArrayTypeName.of(TypeName.INT);

  /** The type of a batch the model reads: {@code int[]} of token ids, or {@code float[]}. */
  static TypeName input(Network network) {
    return network.readsTokens() ? INTS : FLOATS;
  }

  /** The constant of the values the loss and the readout take per row: per position for a sequence output. */
  static String perPosition(Network network) {
    return network.outputsPositions() ? "OUT_PER_POSITION" : "OUT";
  }

  /** The rows the loss sees in a batch of {@code rows}: one per position for a sequence output. */
  static String lossRows(Network network) {
    return network.outputsPositions() ? "rows * OUT_POSITIONS" : "rows";
  }

  /** How javadoc links name {@code forward(x)}: {@code forward(int[])} or {@code forward(float[])}. */
  static String forwardLink(Network network) {
    return "#forward(" + (network.readsTokens() ? "int" : "float") + "[])";
  }

  public TypeSpec write(Network network) {
    ClassName model = ClassName.get(network.packageName(), network.modelName());
    ClassName trainer = ClassName.get(network.packageName(), network.trainerName());
    TypeSpec.Builder type = TypeSpec.classBuilder(model)
        .addAnnotation(Generated.annotation(network))
        .addJavadoc("The $L network, $L parameters, loss $L:\n\n<pre>\n$L</pre>\n\n<p>All parameters live in one"
            + " array, {@link #parameters()}, laid out as the\nstate dict {@link #STATE_DICT} says. Not"
            + " thread-safe while a trainer updates it.\n", network.simpleName(), parameterCount(network),
            network.loss(), table(network))
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addSuperinterface(ClassName.get(network.type()))
        .addSuperinterface(RuntimeTypes.KILN_MODEL)
        .addOriginatingElement(network.type());

    List<MemberCode> members = Fusions.of(LayerPlan.of(network));
    addConstants(type, network, members);
    type.addField(FieldSpec.builder(FLOATS, "parameters", Modifier.PRIVATE, Modifier.FINAL)
        .initializer("new float[PARAMETER_COUNT]").build());
    for (ArraySlot slot : buffers(network)) {
      ModelArrays array = ModelArrays.of(slot);
      // Package-private: the trainer updates running statistics where a kind keeps them.
      type.addField(FieldSpec.builder(ArrayTypeName.of(array.element()), array.field(),
              Modifier.FINAL)
          .addJavadoc("$L, which the optimizer never sees, laid out as {@link #STATE_DICT} says.\n",
              Character.toUpperCase(array.phrase().charAt(0)) + array.phrase().substring(1))
          .initializer("new $T[$L]", array.element(), array.count()).build());
    }
    type.addField(FieldSpec.builder(RuntimeTypes.LINEAR_KERNELS, "kernels", Modifier.PRIVATE, Modifier.FINAL)
        .initializer("$T.linear()", RuntimeTypes.KERNEL_PROVIDER).build());
    stepFields(members).forEach(type::addField);
    for (MemberCode member : members) {
      type.addField(FieldSpec.builder(RuntimeTypes.LAYER, member.layer().name(), Modifier.PRIVATE, Modifier.FINAL)
          .initializer(layerView(member, network)).build());
    }
    type.addField(FieldSpec.builder(TypeName.INT, "inferenceRows", Modifier.PRIVATE)
        .addJavadoc("The batch size the workspaces of {@code forward(x, out)} are sized for.\n").build());
    for (NetworkLayer layer : inferenceWorkspaces(network)) {
      type.addField(FLOATS, ForwardPass.inferenceWorkspace(layer), Modifier.PRIVATE);
    }
    type.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    type.addMethod(create(network, model));
    type.addMethod(load(model, network));
    type.addMethod(save(network));
    type.addMethod(forward(network));
    if (!seesTheBatch(network)) type.addMethod(forwardSlice(network));
    type.addMethod(forwardInto(network));
    type.addMethod(inferenceWorkspacesMethod(network));
    type.addMethod(predict(network));
    probabilities(network).ifPresent(type::addMethod);
    Generation.method(network).ifPresent(type::addMethod);
    InputForms.modelRefusals(network).forEach(type::addMethod);
    type.addMethod(readout(network));
    addTrainerFactories(type, network, trainer);
    type.addMethod(MethodSpec.methodBuilder("parameters")
        .addJavadoc("The parameters, live: every tensor of {@link #STATE_DICT} at its offset.\n")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(FLOATS)
        .addStatement("return parameters")
        .build());
    for (ArraySlot slot : buffers(network)) {
      ModelArrays array = ModelArrays.of(slot);
      type.addMethod(MethodSpec.methodBuilder(array.field())
          .addJavadoc("$L, live: every such tensor of {@link #STATE_DICT} at its offset.\n",
              Character.toUpperCase(array.phrase().charAt(0)) + array.phrase().substring(1))
          .addAnnotation(Override.class)
          .addModifiers(Modifier.PUBLIC)
          .returns(ArrayTypeName.of(array.element()))
          .addStatement("return $L", array.field())
          .build());
    }
    type.addMethod(getter("stateDict", RuntimeTypes.STATE_DICT, "STATE_DICT"));
    type.addMethod(getter("inputSize", TypeName.INT, "IN"));
    type.addMethod(getter("outputSize", TypeName.INT, "OUT"));
    type.addMethod(getter("layers", ParameterizedTypeName.get(ClassName.get(List.class), RuntimeTypes.LAYER),
        CodeBlock.of("$T.of($L)", List.class, network.layers().stream().map(l -> CodeBlock.of("$L", l.name()))
            .collect(CodeBlock.joining(",$W")))));
    for (NetworkLayer layer : network.layers()) {
      if (!layer.member().inBlock() && !BlockViews.returnsBlock(layer.member().method())) {
        type.addMethod(getter(layer.name(), RuntimeTypes.LAYER, layer.name()));
      }
    }
    BlockViews.addTo(type, network.type());
    type.addMethod(getter("toString", ClassName.get(String.class),
        Literals.wrapped(network.modelName() + "[" + summary(network) + "]")));
    return type.build();
  }

  /** The fields of the steps' own (a PReLU reading its slopes), which the model and the trainer each hold. */
  static List<FieldSpec> stepFields(List<MemberCode> members) {
    List<FieldSpec> fields = new ArrayList<>();
    for (MemberCode member : members) {
      for (StepCode step : member.steps()) fields.addAll(Emitters.of(step.step().kind()).fields(step));
    }
    return fields;
  }

  private static MethodSpec getter(String name, TypeName type, String value) {
    return getter(name, type, CodeBlock.of("$L", value));
  }

  private static MethodSpec getter(String name, TypeName type, CodeBlock value) {
    return MethodSpec.methodBuilder(name)
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(type)
        .addStatement("return $L", value)
        .build();
  }

  private static void addConstants(TypeSpec.Builder type, Network network, List<MemberCode> members) {
    type.addField(constant("IN", network.in(), "Features per input row.", Modifier.PUBLIC));
    type.addField(constant("OUT", network.out(), "Values per output row.", Modifier.PUBLIC));
    if (network.outputsPositions()) {
      Shape.Sequence output = (Shape.Sequence) network.output();
      type.addField(constant("OUT_POSITIONS", size(output.length()), "Positions per output row.", Modifier.PUBLIC));
      type.addField(constant("OUT_PER_POSITION", size(output.dim()),
          "Values per position of an output row: what the loss and predict read per position.", Modifier.PUBLIC));
    }
    type.addField(constant("WIDEST_ROW", widestRow(network), "The most values a row of any workspace holds.",
        Modifier.PUBLIC));
    CodeBlock.Builder stateDict = CodeBlock.builder().add("$T.builder()", RuntimeTypes.STATE_DICT).indent();
    for (MemberCode member : members) {
      NetworkLayer layer = member.layer();
      Set<String> declared = new HashSet<>(List.of("IN", "OUT"));
      type.addField(constant(LayerNames.in(layer), size(layer.input().size()), null));
      type.addField(constant(LayerNames.out(layer), size(layer.output().size()), null));
      // A member on a sequence works position by position: its positions and a position's sizes.
      if (layer.input() instanceof Shape.Sequence in) {
        declared.addAll(List.of("LENGTH", "POSITION_IN"));
        type.addField(constant(LayerNames.constant(layer, "LENGTH"), size(in.length()), null));
        type.addField(constant(LayerNames.constant(layer, "POSITION_IN"), size(in.dim()), null));
      }
      if (layer.output() instanceof Shape.Sequence out && declared.add("POSITION_OUT")) {
        type.addField(constant(LayerNames.constant(layer, "POSITION_OUT"), size(out.dim()), null));
      }
      for (StepCode step : member.steps()) {
        for (PlacedTensor tensor : step.step().tensors()) {
          TensorDecl decl = tensor.decl();
          ModelArrays array = ModelArrays.of(ArraySlot.of(decl));
          type.addField(constant(LayerNames.constant(layer, decl.constant()), size(tensor.offset()), "Offset of "
              + tensor.name() + " " + decl.shapeText() + (decl.note().isEmpty() ? "" : ", " + decl.note() + ",")
              + " in " + array.phrase() + "."));
          List<String> dims = new ArrayList<>();
          for (TensorDecl.Dim dim : decl.dims()) {
            if (declared.add(dim.constant())) {
              type.addField(constant(LayerNames.constant(layer, dim.constant()), size(dim.size()), null));
            }
            dims.add(LayerNames.constant(layer, dim.constant()));
          }
          stateDict.add("\n.$L($S$L)", array.addMethod(), tensor.name(), dims.isEmpty() ? "" : CodeBlock.of(",$W$L",
              dims.stream().map(d -> CodeBlock.of("$L", d)).collect(CodeBlock.joining(",$W"))));
        }
        Emitters.of(step.step().kind()).constants(step).forEach(type::addField);
      }
    }
    stateDict.add("\n.build()").unindent();
    type.addField(constant("PARAMETER_COUNT", size(network.length(ArraySlot.PARAMETERS)),
        "The length of the parameter array.", Modifier.PUBLIC));
    for (ArraySlot slot : buffers(network)) {
      ModelArrays array = ModelArrays.of(slot);
      type.addField(constant(array.count(), size(network.length(slot)), "The length of " + array.phrase() + ".",
          Modifier.PUBLIC));
    }
    type.addField(FieldSpec.builder(RuntimeTypes.STATE_DICT, "STATE_DICT", Modifier.PUBLIC, Modifier.STATIC,
            Modifier.FINAL)
        .addJavadoc("The state dict, with PyTorch's names and shapes, in the order of the parameters.\n")
        .initializer(stateDict.build())
        .build());
  }

  /** The buffer arrays the model has: those that hold at least one tensor. */
  static List<ArraySlot> buffers(Network network) {
    return Stream.of(ArraySlot.BUFFERS, ArraySlot.LONG_BUFFERS)
        .filter(slot -> network.length(slot) > 0)
        .collect(Collectors.toList());
  }

  /** The model's arrays as the state dict's load and save take them: parameters, then buffers if it has any. */
  static String arrays(Network network, String owner) {
    List<ArraySlot> buffers = buffers(network);
    if (buffers.isEmpty()) {
      return owner + "parameters";
    }
    return owner + "parameters, " + (buffers.contains(ArraySlot.BUFFERS) ? owner + "buffers" : "new float[0]") + ", "
        + (buffers.contains(ArraySlot.LONG_BUFFERS) ? owner + "longBuffers" : "new long[0]");
  }

  /** A size the shape walk has checked to fit an array. */
  private static int size(long value) {
    return Math.toIntExact(value);
  }

  /** The most values per row any workspace of the model or its trainer holds. */
  static int widestRow(Network network) {
    long widest = 0;
    for (NetworkLayer layer : network.layers()) {
      widest = Math.max(widest, Math.max(layer.input().size(), layer.output().size()));
    }
    return size(widest);
  }

  private static FieldSpec constant(String name, int value, String doc, Modifier... extra) {
    FieldSpec.Builder field = FieldSpec.builder(TypeName.INT, name, Modifier.STATIC, Modifier.FINAL)
        .addModifiers(extra)
        .initializer("$L", value);
    if (doc != null) field.addJavadoc("$L\n", doc);
    return field.build();
  }

  private static CodeBlock layerView(MemberCode member, Network network) {
    NetworkLayer layer = member.layer();
    CodeBlock operations = CodeBlock.of("$T.of($L)", List.class, member.steps().stream()
        .map(step -> Emitters.of(step.step().kind()).operation(step)).collect(CodeBlock.joining(",$W")));
    return CodeBlock.of("new $T($S,$W$S,$W$L,$W$L,$W$L,$WSTATE_DICT,$W$L)", RuntimeTypes.LAYER_VIEW, layer.path(),
        layer.describe(), dims(layer.input()), dims(layer.output()), operations, arrays(network, ""));
  }

  /** A shape as generated code passes it: {@code new int[] {16, 5, 5}}. */
  private static CodeBlock dims(Shape shape) {
    return CodeBlock.of("new int[] {$L}", shape.dims().stream().map(String::valueOf).collect(Collectors.joining(", ")));
  }

  private static MethodSpec create(Network network, ClassName model) {
    MethodSpec.Builder method = MethodSpec.methodBuilder("create")
        .addJavadoc("A model initialised as PyTorch initialises its modules: Linear and Conv2d weights and biases"
            + " uniform in\n±1/√fan-in, normalization weights 1 and biases 0, running means 0 and variances 1,"
            + " PReLU slopes\nat their declared value. The same seed gives the same parameters.\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(model)
        .addParameter(TypeName.LONG, "seed")
        .addStatement("$T model = new $T()", model, model)
        .addStatement("$T random = new $T(seed)", SplittableRandom.class, SplittableRandom.class);
    for (NetworkLayer layer : network.layers()) {
      for (PlacedTensor tensor : layer.tensors()) {
        initialise(method, layer, tensor);
      }
    }
    return method.addStatement("return model").build();
  }

  /** The product of the dimensions' constants, {@code CONV1_OUT_CHANNELS * CONV1_IN_CHANNELS * ...}, wrappable. */
  private static CodeBlock product(NetworkLayer layer, List<TensorDecl.Dim> dims) {
    return dims.stream().map(d -> CodeBlock.of("$L", LayerNames.constant(layer, d.constant())))
        .collect(CodeBlock.joining(" *$W"));
  }

  /** Fills one tensor of a new model as PyTorch's module would. */
  private static void initialise(MethodSpec.Builder method, NetworkLayer layer, PlacedTensor tensor) {
    TensorDecl decl = tensor.decl();
    ModelArrays array = ModelArrays.of(ArraySlot.of(decl));
    String offset = LayerNames.constant(layer, decl.constant());
    CodeBlock size = decl.dims().isEmpty() ? CodeBlock.of("1") : product(layer, decl.dims());
    // A switch expression: a new kind of initialisation does not compile until it is written here.
    CodeBlock fill = switch (decl.init().kind()) {
      case UNIFORM_FAN_IN -> CodeBlock.of("$T.uniformFanIn(model.$L,$W$L,$W$L,$W$L,$Wrandom)",
          RuntimeTypes.INITIALIZERS, array.field(), offset, size, product(layer, decl.init().fanIn()));
      case NORMAL -> CodeBlock.of("$T.normal(model.$L,$W$L,$W$L,$W$L,$W$L,$Wrandom)", RuntimeTypes.INITIALIZERS,
          array.field(), offset, size, (int) decl.init().value(), product(layer, decl.init().fanIn()));
      case XAVIER_UNIFORM -> CodeBlock.of("$T.xavierUniform(model.$L,$W$L,$W$L,$W$L,$W$L,$Wrandom)",
          RuntimeTypes.INITIALIZERS, array.field(), offset, size,
          product(layer, decl.init().fanIn().subList(0, 1)), product(layer, decl.init().fanIn().subList(1, 2)));
      case CONSTANT -> CodeBlock.of("$T.fill(model.$L,$W$L,$W$L + $L,$W$L)", Arrays.class, array.field(), offset,
          offset, size, array.element() == TypeName.LONG
              ? (long) decl.init().value() + "L" : Literals.of((float) decl.init().value()));
    };
    method.addStatement(fill);
  }

  private static MethodSpec load(ClassName model, Network network) {
    return MethodSpec.methodBuilder("load")
        .addJavadoc("Reads a model from a safetensors file with exactly the tensors of {@link #STATE_DICT},"
            + " as\nPyTorch's {@code save_file(model.state_dict(), path)} writes it.\n\n"
            + "@throws $T if the file cannot be read or does not hold this model's tensors\n", IOException.class)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(model)
        .addParameter(Path.class, "path")
        .addException(IOException.class)
        .addStatement("$T model = new $T()", model, model)
        .addStatement("STATE_DICT.load(path,$W$L)", arrays(network, "model."))
        .addStatement("return model")
        .build();
  }

  private static MethodSpec save(Network network) {
    return MethodSpec.methodBuilder("save")
        .addAnnotation(Override.class)
        .addJavadoc("Writes the parameters to a safetensors file that PyTorch loads with the same names. The"
            + "\nfile is replaced only once the new one is complete.\n")
        .addModifiers(Modifier.PUBLIC)
        .addParameter(Path.class, "path")
        .addException(IOException.class)
        .addStatement("STATE_DICT.save(path,$W$L)", arrays(network, ""))
        .build();
  }

  private static MethodSpec forward(Network network) {
    String what = takesLogits(network) ? "the logits " + network.loss() + " takes" : "the network's output";
    MethodSpec.Builder forward = MethodSpec.methodBuilder("forward")
        .addAnnotation(Override.class)
        .addJavadoc("The network's output for a batch: {@code x} is [rows x IN] row-major, the result [rows x"
            + " OUT],\n$L.$L\n", what, network.drops() ? " Dropout is off." : "")
        .addModifiers(Modifier.PUBLIC)
        .returns(FLOATS)
        .addParameter(input(network), "x");
    if (seesTheBatch(network)) {
      // Normalised with the batch's own statistics: the batch cannot be cut into slices.
      if (statefulSteps(network)) forward.addModifiers(Modifier.SYNCHRONIZED);
      return forward.addCode(forwardBody(network)).build();
    }
    return forward
        .addStatement("$T.rows(x,$WIN,$WWIDEST_ROW)", RuntimeTypes.BATCHES)
        .addStatement("return $T.inSlices(x,$WIN,$WOUT,$WWIDEST_ROW,$Wthis::forwardSlice)", RuntimeTypes.BATCHES)
        .build();
  }

  /** {@code forward(x)} for a batch small enough to hold every layer's output at once. */
  private static MethodSpec forwardSlice(Network network) {
    return MethodSpec.methodBuilder("forwardSlice")
        .addModifiers(statefulSteps(network) ? new Modifier[] {Modifier.SYNCHRONIZED} : new Modifier[0])
        .addJavadoc("{@link $L} for a slice of a batch: each member's output in an array of its own.\n",
            forwardLink(network))
        .addModifiers(Modifier.PRIVATE)
        .returns(FLOATS)
        .addParameter(input(network), "x")
        .addCode(forwardBody(network))
        .build();
  }

  /**
   * Whether a step of the model keeps state between its calls (a norm's statistics, attention's
   * projections): {@code forward(x)} then takes the model's lock, so that threads calling it at once do
   * not share that state.
   */
  private static boolean statefulSteps(Network network) {
    return !stepFields(Fusions.of(LayerPlan.of(network))).isEmpty();
  }

  private static CodeBlock forwardBody(Network network) {
    return CodeBlock.builder()
        .addStatement("int rows = $T.rows(x,$WIN,$WWIDEST_ROW)", RuntimeTypes.BATCHES)
        .add(ForwardPass.inference(network))
        .addStatement("return $L", ForwardPass.inferenceOutput(network))
        .build();
  }

  /** Whether some layer evaluates with statistics of the whole batch it is given. */
  private static boolean seesTheBatch(Network network) {
    return network.layers().stream().flatMap(l -> l.steps().stream()).anyMatch(s -> s.kind().evaluatesWithTheBatch());
  }

  /** The layers whose outputs {@code forward(x, out)} keeps between calls: all that compute, but the last. */
  private static List<NetworkLayer> inferenceWorkspaces(Network network) {
    String last = ForwardPass.inferenceOutput(network);
    return network.layers().stream()
        .filter(l -> l.computes() && !(l.name() + "Output").equals(last))
        .collect(Collectors.toList());
  }

  private static MethodSpec forwardInto(Network network) {
    return MethodSpec.methodBuilder("forward")
        .addJavadoc("{@link $L} into {@code out}, [rows x OUT], reusing this model's workspaces:"
            + " after the\nfirst call with a batch size, calls allocate nothing. Unlike {@code forward(x)}, not"
            + " safe to call\nfrom several threads at once.\n\n@return {@code out}\n", forwardLink(network))
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(FLOATS)
        .addParameter(input(network), "x")
        .addParameter(FLOATS, "out")
        .addStatement("int rows = $T.rows(x,$WIN,$WWIDEST_ROW)", RuntimeTypes.BATCHES)
        .addStatement("$T.output(out,$Wrows,$WOUT)", RuntimeTypes.BATCHES)
        .addStatement("ensureInferenceWorkspaces(rows)")
        .addCode(ForwardPass.inferenceInto(network))
        .addStatement("return out")
        .build();
  }

  private static MethodSpec inferenceWorkspacesMethod(Network network) {
    MethodSpec.Builder method = MethodSpec.methodBuilder("ensureInferenceWorkspaces")
        .addModifiers(Modifier.PRIVATE)
        .addParameter(TypeName.INT, "rows")
        .beginControlFlow("if (rows == inferenceRows)")
        .addStatement("return")
        .endControlFlow();
    for (NetworkLayer layer : inferenceWorkspaces(network)) {
      method.addStatement("$L = new float[rows * $L]", ForwardPass.inferenceWorkspace(layer), LayerNames.out(layer));
    }
    return method.addStatement("inferenceRows = rows").build();
  }

  private static MethodSpec predict(Network network) {
    MethodSpec.Builder method = MethodSpec.methodBuilder("predict")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(INTS)
        .addParameter(input(network), "x");
    if (network.out() > 1 || network.classIndexTargets() || network.loss() == LossKind.KL_DIV) {
      method.addJavadoc("The class of each row of {@code x}: the index of its largest output.\n")
          .addStatement("return $T.argmax(forward(x),$W$L)", RuntimeTypes.PREDICTIONS, perPosition(network));
    } else {
      boolean logits = takesLogits(network);
      method.addJavadoc("The class of each row of {@code x}: 1 where its output is above $L, else 0.\n",
              logits ? "0 (a probability above 0.5)" : "0.5")
          .addStatement("return $T.threshold(forward(x),$W$L)", RuntimeTypes.PREDICTIONS, logits ? "0f" : "0.5f");
    }
    return method.build();
  }

  /** The constants of the runtime's {@code Readout}, as generated code names them. */
  private enum Readout { SOFTMAX, EXP, SIGMOID, IDENTITY, NONE }

  /** How the network's probabilities follow from its output, as its loss implies. */
  private static Readout readoutOf(Network network) {
    return switch (network.loss()) {
      case CROSS_ENTROPY -> Readout.SOFTMAX;
      case NLL, KL_DIV -> Readout.EXP;
      case BCE_WITH_LOGITS, FOCAL -> Readout.SIGMOID;
      case BCE -> Readout.IDENTITY;
      case MSE, L1, SMOOTH_L1, HUBER -> Readout.NONE;
    };
  }

  private static MethodSpec readout(Network network) {
    return MethodSpec.methodBuilder("readout")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(RuntimeTypes.READOUT)
        .addStatement("return $T.$L", RuntimeTypes.READOUT, readoutOf(network).name())
        .build();
  }

  private static Optional<MethodSpec> probabilities(Network network) {
    MethodSpec.Builder method = MethodSpec.methodBuilder("probabilities")
        .addModifiers(Modifier.PUBLIC)
        .returns(FLOATS)
        .addParameter(input(network), "x");
    return switch (readoutOf(network)) {
      case SOFTMAX -> Optional.of(method.addJavadoc("Class probabilities per row: the softmax of the logits.\n")
          .addStatement("return $T.softmax(forward(x),$W$L)", RuntimeTypes.PREDICTIONS, perPosition(network)).build());
      case EXP -> Optional.of(method.addJavadoc("Class probabilities per row: e to the log-probabilities.\n")
          .addStatement("return $T.exp(forward(x))", RuntimeTypes.PREDICTIONS).build());
      case SIGMOID -> Optional.of(method.addJavadoc("The probability of each output: the sigmoid of its logit.\n")
          .addStatement("return $T.sigmoid(forward(x))", RuntimeTypes.PREDICTIONS).build());
      case IDENTITY -> Optional.of(method.addJavadoc("The probability of each output, as the network gives it for BCE.\n")
          .addStatement("return forward(x)").build());
      case NONE -> Optional.empty(); // regression losses imply no probabilities
    };
  }

  private static void addTrainerFactories(TypeSpec.Builder type, Network network, ClassName trainer) {
    MethodSpec.Builder plain = MethodSpec.methodBuilder("trainer")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(trainer)
        .addParameter(RuntimeTypes.OPTIMIZER, "optimizer");
    if (!network.drops()) {
      type.addMethod(plain.addJavadoc("A trainer that updates this model's parameters with {@code optimizer}.\n")
          .addStatement("return new $T(this,$Wparameters,$Woptimizer)", trainer)
          .build());
      return;
    }
    type.addMethod(plain.addJavadoc("A trainer that updates this model's parameters with {@code optimizer},"
            + " drawing\ndropout masks from seed 0.\n")
        .addStatement("return trainer(optimizer, 0L)")
        .build());
    type.addMethod(MethodSpec.methodBuilder("trainer")
        .addJavadoc("A trainer that updates this model's parameters with {@code optimizer}, drawing\n"
            + "dropout masks from {@code dropoutSeed}: the same seed gives the same training run.\n")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(trainer)
        .addParameter(RuntimeTypes.OPTIMIZER, "optimizer")
        .addParameter(TypeName.LONG, "dropoutSeed")
        .addStatement("return new $T(this,$Wparameters,$Woptimizer,$WdropoutSeed)", trainer)
        .build());
  }

  static boolean takesLogits(Network network) {
    return network.loss() == LossKind.CROSS_ENTROPY || network.loss() == LossKind.BCE_WITH_LOGITS
        || network.loss() == LossKind.FOCAL;
  }

  /** Each member with what it computes, its output shape and its parameters, then the total and the loss. */
  static String summary(Network network) {
    return network.layers().stream()
        .map(l -> l.name() + ": " + l.describe() + " -> " + l.output().text() + " (" + parameters(l) + " parameters)")
        .collect(Collectors.joining(", ")) + "; " + parameterCount(network) + " parameters; loss " + network.loss();
  }

  /** The summary as Keras prints it: a row per member, its output shape and parameters; for the javadoc. */
  static String table(Network network) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"member", "layer", "output", "parameters"});
    for (NetworkLayer layer : network.layers()) {
      rows.add(new String[] {layer.name() + "()", layer.describe(), layer.output().text(),
          Long.toString(parameters(layer))});
    }
    int[] widths = new int[4];
    for (String[] row : rows) {
      for (int i = 0; i < 4; i++) widths[i] = Math.max(widths[i], row[i].length());
    }
    StringBuilder text = new StringBuilder();
    for (String[] row : rows) {
      text.append(String.format("%-" + widths[0] + "s  %-" + widths[1] + "s  %-" + widths[2] + "s  %" + widths[3]
          + "s", row[0], row[1], row[2], row[3]).stripTrailing()).append('\n');
    }
    return text.toString().replace("<", "&lt;").replace(">", "&gt;");
  }

  /** The trainable values a member owns. */
  private static long parameters(NetworkLayer layer) {
    return layer.tensors().stream().filter(t -> t.decl().role() == TensorDecl.Role.TRAINABLE)
        .mapToLong(t -> t.decl().size()).sum();
  }

  private static long parameterCount(Network network) {
    return network.length(ArraySlot.PARAMETERS);
  }
}
