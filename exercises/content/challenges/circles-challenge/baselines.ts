import type { ChallengeBaseline } from '../../../src/definition';

// Written by `npm run baselines -w @deltalab/exercises` (trained on cpu, seed 1): do not edit by hand.
export const baselines: ChallengeBaseline[] = [
 {
  "name": "Logistic regression (baseline)",
  "model": {
   "modelTopology": {
    "class_name": "Sequential",
    "config": {
     "name": "sequential_3",
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
        "name": "dense_Dense5",
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
     "name": "dense_Dense5/kernel",
     "shape": [
      2,
      1
     ],
     "dtype": "float32"
    },
    {
     "name": "dense_Dense5/bias",
     "shape": [
      1
     ],
     "dtype": "float32"
    }
   ],
   "weightData": "/9BRPqQziT50kSM+"
  }
 },
 {
  "name": "The notes' network (baseline)",
  "model": {
   "modelTopology": {
    "class_name": "Sequential",
    "config": {
     "name": "sequential_4",
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
        "name": "dense_Dense6",
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
        "name": "dense_Dense7",
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
        "name": "dense_Dense8",
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
     "name": "dense_Dense6/kernel",
     "shape": [
      2,
      4
     ],
     "dtype": "float32"
    },
    {
     "name": "dense_Dense6/bias",
     "shape": [
      4
     ],
     "dtype": "float32"
    },
    {
     "name": "dense_Dense7/kernel",
     "shape": [
      4,
      2
     ],
     "dtype": "float32"
    },
    {
     "name": "dense_Dense7/bias",
     "shape": [
      2
     ],
     "dtype": "float32"
    },
    {
     "name": "dense_Dense8/kernel",
     "shape": [
      2,
      1
     ],
     "dtype": "float32"
    },
    {
     "name": "dense_Dense8/bias",
     "shape": [
      1
     ],
     "dtype": "float32"
    }
   ],
   "weightData": "dAxnwJ6ZYUBzz9q/PTnwP9yqJUC21AXAQBM5wCNRSUBtGiDAVJMWwOdNHUBZZyZAb9sqwGeDJsCN7yTA5SEvwNIMikBToem//23Tv73+hkDiG1XAXwpQwJDp30D+GupA1oXOwA=="
  }
 }
];
