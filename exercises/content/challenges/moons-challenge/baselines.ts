import type { ChallengeBaseline } from '../../../src/definition';

// Written by `npm run baselines -w @deltalab/exercises` (trained on cpu, seed 1): do not edit by hand.
export const baselines: ChallengeBaseline[] = [
 {
  "name": "Logistic regression (baseline)",
  "model": {
   "modelTopology": {
    "class_name": "Sequential",
    "config": {
     "name": "sequential_1",
     "layers": [
      {
       "class_name": "Dense",
       "config": {
        "units": 1,
        "activation": "sigmoid",
        "use_bias": true,
        "kernel_initializer": {
         "class_name": "VarianceScaling",
         "config": {
          "scale": 1,
          "mode": "fan_avg",
          "distribution": "normal",
          "seed": null
         }
        },
        "bias_initializer": {
         "class_name": "Zeros",
         "config": {}
        },
        "kernel_regularizer": null,
        "bias_regularizer": null,
        "activity_regularizer": null,
        "kernel_constraint": null,
        "bias_constraint": null,
        "name": "dense_Dense1",
        "trainable": true,
        "batch_input_shape": [
         null,
         2
        ],
        "dtype": "float32"
       }
      }
     ]
    },
    "keras_version": "tfjs-layers 4.22.0",
    "backend": "tensor_flow.js"
   },
   "weightSpecs": [
    {
     "name": "dense_Dense1/kernel",
     "shape": [
      2,
      1
     ],
     "dtype": "float32"
    },
    {
     "name": "dense_Dense1/bias",
     "shape": [
      1
     ],
     "dtype": "float32"
    }
   ],
   "weightData": "Y0KNP3dersAPpkc/"
  }
 },
 {
  "name": "The notes' network (baseline)",
  "model": {
   "modelTopology": {
    "class_name": "Sequential",
    "config": {
     "name": "sequential_2",
     "layers": [
      {
       "class_name": "Dense",
       "config": {
        "units": 4,
        "activation": "tanh",
        "use_bias": true,
        "kernel_initializer": {
         "class_name": "VarianceScaling",
         "config": {
          "scale": 1,
          "mode": "fan_avg",
          "distribution": "normal",
          "seed": null
         }
        },
        "bias_initializer": {
         "class_name": "Zeros",
         "config": {}
        },
        "kernel_regularizer": null,
        "bias_regularizer": null,
        "activity_regularizer": null,
        "kernel_constraint": null,
        "bias_constraint": null,
        "name": "dense_Dense2",
        "trainable": true,
        "batch_input_shape": [
         null,
         2
        ],
        "dtype": "float32"
       }
      },
      {
       "class_name": "Dense",
       "config": {
        "units": 2,
        "activation": "tanh",
        "use_bias": true,
        "kernel_initializer": {
         "class_name": "VarianceScaling",
         "config": {
          "scale": 1,
          "mode": "fan_avg",
          "distribution": "normal",
          "seed": null
         }
        },
        "bias_initializer": {
         "class_name": "Zeros",
         "config": {}
        },
        "kernel_regularizer": null,
        "bias_regularizer": null,
        "activity_regularizer": null,
        "kernel_constraint": null,
        "bias_constraint": null,
        "name": "dense_Dense3",
        "trainable": true
       }
      },
      {
       "class_name": "Dense",
       "config": {
        "units": 1,
        "activation": "sigmoid",
        "use_bias": true,
        "kernel_initializer": {
         "class_name": "VarianceScaling",
         "config": {
          "scale": 1,
          "mode": "fan_avg",
          "distribution": "normal",
          "seed": null
         }
        },
        "bias_initializer": {
         "class_name": "Zeros",
         "config": {}
        },
        "kernel_regularizer": null,
        "bias_regularizer": null,
        "activity_regularizer": null,
        "kernel_constraint": null,
        "bias_constraint": null,
        "name": "dense_Dense4",
        "trainable": true
       }
      }
     ]
    },
    "keras_version": "tfjs-layers 4.22.0",
    "backend": "tensor_flow.js"
   },
   "weightSpecs": [
    {
     "name": "dense_Dense2/kernel",
     "shape": [
      2,
      4
     ],
     "dtype": "float32"
    },
    {
     "name": "dense_Dense2/bias",
     "shape": [
      4
     ],
     "dtype": "float32"
    },
    {
     "name": "dense_Dense3/kernel",
     "shape": [
      4,
      2
     ],
     "dtype": "float32"
    },
    {
     "name": "dense_Dense3/bias",
     "shape": [
      2
     ],
     "dtype": "float32"
    },
    {
     "name": "dense_Dense4/kernel",
     "shape": [
      2,
      1
     ],
     "dtype": "float32"
    },
    {
     "name": "dense_Dense4/bias",
     "shape": [
      1
     ],
     "dtype": "float32"
    }
   ],
   "weightData": "ki2HwJcBb0BeTd6/iSAcQEswWT9mOTFArtaqP4+07b8Hhey//ucQwEKuxb/P3EvAeAijP1OR7L/Tf05AcaNhwATvIkCAvi3AFQtVwGwaV0DQh4Y+9MdJv+HFocC2lXFAD79HOw=="
  }
 }
];
