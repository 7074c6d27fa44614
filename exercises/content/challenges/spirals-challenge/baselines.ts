import type { ChallengeBaseline } from '../../../src/definition';

// Written by `npm run baselines -w @deltalab/exercises` (trained on cpu, seed 1): do not edit by hand.
export const baselines: ChallengeBaseline[] = [
 {
  "name": "Softmax regression (baseline)",
  "model": {
   "modelTopology": {
    "class_name": "Sequential",
    "config": {
     "name": "sequential_5",
     "layers": [
      {
       "class_name": "Dense",
       "config": {
        "units": 3,
        "activation": "softmax",
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
        "name": "dense_Dense9",
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
     "name": "dense_Dense9/kernel",
     "shape": [
      2,
      3
     ],
     "dtype": "float32"
    },
    {
     "name": "dense_Dense9/bias",
     "shape": [
      3
     ],
     "dtype": "float32"
    }
   ],
   "weightData": "eErEPxoBej+MrSTApNI2wN8fgEB2d6S8nFBGvispTT4sxQU+"
  }
 },
 {
  "name": "The notes' network (baseline)",
  "model": {
   "modelTopology": {
    "class_name": "Sequential",
    "config": {
     "name": "sequential_6",
     "layers": [
      {
       "class_name": "Dense",
       "config": {
        "units": 64,
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
        "name": "dense_Dense10",
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
        "units": 32,
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
        "name": "dense_Dense11",
        "trainable": true
       }
      },
      {
       "class_name": "Dense",
       "config": {
        "units": 16,
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
        "name": "dense_Dense12",
        "trainable": true
       }
      },
      {
       "class_name": "Dense",
       "config": {
        "units": 3,
        "activation": "softmax",
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
        "name": "dense_Dense13",
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
     "name": "dense_Dense10/kernel",
     "shape": [
      2,
      64
     ],
     "dtype": "float32"
    },
    {
     "name": "dense_Dense10/bias",
     "shape": [
      64
     ],
     "dtype": "float32"
    },
    {
     "name": "dense_Dense11/kernel",
     "shape": [
      64,
      32
     ],
     "dtype": "float32"
    },
    {
     "name": "dense_Dense11/bias",
     "shape": [
      32
     ],
     "dtype": "float32"
    },
    {
     "name": "dense_Dense12/kernel",
     "shape": [
      32,
      16
     ],
     "dtype": "float32"
    },
    {
     "name": "dense_Dense12/bias",
     "shape": [
      16
     ],
     "dtype": "float32"
    },
    {
     "name": "dense_Dense13/kernel",
     "shape": [
      16,
      3
     ],
     "dtype": "float32"
    },
    {
     "name": "dense_Dense13/bias",
     "shape": [
      3
     ],
     "dtype": "float32"
    }
   ],
   "weightData": "jgNnv6daWD+KheE+sJwbP7n6Yj9wgIq8gMvePs/M3D4/FT+/pTF2vzpXTD/ZRv6+IhbkPuRb5j6Hz7u+ynlfPwVY8L2IAks/K+BBv2Ny7b6ybAU/vlJev4WM/zuYhU2+VMczv4uNLr/fNWy+vI4Lv5otLz9fsjw/n2CJv1fuKj8qekw/K1qCvxCAgj8T+zk/J7NBv6uWbL/MTGS/9EFGPtvqUT9h1lw93XVbv6BmQD9vWR8/XEGVvr9uRD6+qzC/M/MlP9RgqD5Ot0s/6Kd/P459Z76OaYM/OWXKvYcw1z5wqBQ/vU1RP21CO7/baRa/qw4AP7vuR7/WrLE93cZfP8OYPT9O33Q/200Pv2ge4L6+uRQ/fQ0gv42j7j7eqii/yIKkvbd0Crwsvg8/Qb8jP9wvPz+deOs+elIWv2gRsz4ZYxu/bWzXPqn4tL5Qq7s+pvgaPwrhmL6hwgo/PWFAP9K1Kb/7mHm+JVBTPyVgjD5GDy+/a1GIvo3lFD4T5Am/ApSZPIQFtb6DXUe+5sksvpDoH7+vuby+yA6gvreP0b7E1RC+NdL+vm4PzL3vFNm+b2URPV5zN79WiZq+ocFGvwgm9L7X0Sg/iN3qPihJTr8mrOu+K7CLPjWtMT/eLO0+fu7BvkGrIz5x3gG/83X8vpWFWz99TLm+OFcRv7j/Bz8yuGE+JoaEvSQgLj0u0Ri+w1MevXxyvr534tQ99MzyPFiHXb4rU1K+46CLvtRNQb2sEom9L4HzPSC21by5v5M90MVFuzSeAb3Rl0a+jTPtvvPzdb1IRs69EdlWvli+9T2g5/09hSwUvmtvi7yAK/I+qPu0PQ34FT4Usg6+d54IvXSBHD63LR08T8pQvVhB7b5Cu6+9JlIJPlSABz6DHS09INREPtPNEz++mve9rfO+PUVAqTzUv5E9BlIMPkvVuz5vLGw+Cz4vvVJnQ710s0W+AgfavRgxJL31kkw+mPTPPY+ZWb6zyka++XtFvnM7qr7+B6w+mr6FPvjglj5c+LK+JLRDvfCTiD9cJSC/EZ3yPR6wbj73XCm+U2upvs2K1j37np+9KaJbPYP/gT0yXyu/WMhMPhZsNT/DaSa/EmGCvh9c3b29ow0+PcTlvs+tbr4IJ0++5+gBPz7cdj1iUIQ8cdRFPh0Nz7x0+4g+oQisPqGg0L0espU9cIUOP8qmRb8NEkQ+j8cSPxYSGz8Pid89Hs18P9CVgT4zN0c9GxLpvUpOCr7/qZo+924+Ps2pTj99VKE99guEP7ocND9hgIy9vxQXvpysjj4pJji9dU76vQr9bz9eG8q9Ij2UvZINZz7FBNO9oQjAPszqCr4E/iW9SIByvaR7sTvxRxO9PNWfPQKUlL4I/py/0XEYP5UlyL5iW5G9BBAIvq7ulb4qH8S94qFmPl78gD2nmPw+Z1jhPjsmCT4kXW6/1eH3Pj92hD7kAr8969pwPZpq7z5XDUC9BHHzvgHBXb6wbms+/4EaPnGqxL0kaYg+si0Zvppk5b023zY+pKFkvtNYzb57EX4/T6g7PgEkar9LmxE/uPeLvjQDA75RDJ298EnTPcj1QT1lkTS+Ur1cPikdhz4xxhM/PaoDvm3tPb+Cuh8/UWm3PoYMTT636SI9i6kIP82C6LtufUs+yOafvn2iorz7/Zw9ryq0vDujMz4LKEi+8LK1vjzJ2T0evHq985TRvr6/RT/b9909W31HPqmoXj8lJ2+9lwG7Prv4tD7Kiiy+FsQgvRI5U77jWCg/50YOPpENWT+zmiE+HlCQP3zPhz9itqq9yZkPvn+fwz74Ntk9HPQqvtAAXz+acIg9OC/DO6Em/D15SqY+WajaPjh7I7wCiuM9wq0XPrPhI792JBo9da5QP7RpoL4TCvK+NDFVPro4Wr6szKi+cU+NvbrPXj6wee+8c5vIvRrVej6ZKpq+jxwePtpWg74nxTm/SXmPvNWPtj64yvC8WeLbvRJUNT/+1tE+m3/SvuBml76Rbqm8rZB4Pt7LDj7As2K+wspbvvLr4b6NbLE8+N4SPXYFAL+tHdM+9PqVPtkUID9CG5k+JbWKPgut1j4yhUg+u/ehvq2Sqb5O2Uu+VnjPvXdwHT7ghac+MkX3PWpTNj/LIwg/CPqUvqb/4r2HpFe+vW0gv97mk76pdYA/RguYPh26ib6C8xu+deiZPXrSqz5OX1c+vLapPdnsq75Lp/a+si+CPsmmFL2klw47qcFJvwkY6j6YIUS+9Mu7vk2lEb4uN5O9AzPgPZGjnT5v+Ty8pQPkPo/tJz9hch8+gyhmv3knKz7AGBw+AI7iO3juQL3nWAE/T51FPqPwfr5p6qi9oEiXPZmylz08Xr89VJPbPbaSpr3wRqe+YUR4Pvxwob5Yt42+wYImP9fhDz6+CNk8CmLRvgqGsT2gyAC+dhUSvUv93D57+zI8i/RFvmS/hL6/eQS/iMk+vwP5Dr/6yq2+KHIFv7JchzttM6i+GuUdvb0AiD5SFFY+ZfIIv06cVz3NVH+9uw25Plt6rT0bzNK+8kEoPciNF7xhtW++JSKEPkLL4L0KJq2+1IeLPk1tjD5EKwy/CrDMvZw8eL5NoWE+Cv4vPh1EobzyLDO++AEtvmNEm76Obfm+M8jbvlHCPb6AXSi/UVTzPOfpE76Cb20+jnVnPlsVij1kwva+btHhPBALrL0CUGm7cqH7vcvXp758qJE8tL+1PNG9vb7yFBc+sXcUPt+cBr9qZhs+cW6jPiTe1j4AnZw+LZ4pP+2Giz626968OqM7vsZS+75FsWs+zFgGvubD4z6VHFq++NwuP25nLD8OtO89pJ+UvomSwT7AeoQ+JeMCvQM4Ej8CIrw9VneLvVfp2j7k8TI+3MkEvYL8AD637ui9ZgOkven8wb4OYui9rHWsPiFY1T0Riyg/ALw9vqzqgz5AJyw+oI5Nvt5zij0a30C9weSvPGqvOr3bP6++5oHnvkgSjL7K+H4/mRyBvu0HN74jz4O+hqaMPSWfF75/FYM8B2unPoa6nb1BQCU9XH1AvTJj5T1UG6S+s8miPsbfdT4baLe+5Pv6vcYg3D7uyy+/KHPPPr1MCz8Wjys+E6/VPtuocj9/qlA+hmkZPnjURr72PSO+spQavspmwL5q1Qc/JE1muWcZdj8YNJA+s5r8vB4Fhb4VIp8+k/Wlvm8Rb726iW8/HuEHPB84qb0Xsys9UkSZPlWSAT/NIIS9al22PSWW3L6kSti9bHbOPu20SL1KcGI+zCaLPhcAEz48ZHq8nmLQPvlRNj4ZIki+vyGKPYcIHL6ukWs+qhKGPqOK+D3KXMM+mQs3P42OmT5Z046+e5yDPUcDyb0Qt0y+9Z7wvYRAcT9iCbg+OxxKvlZeGT7mdtS8P+e8Phu9Mr7MNhY+QhY3PXqUIr2pXMA91yFPvSRqTz1HzSG/R7ubvqwStr7GYW+/UtKOve6OfLypkbs8Mzd/PmeOHL6PrLU9pVUEv9Zqfj1UEo2/e3U1v5lXaD4R894+G6V4vgR1LT+5vIc+QeZCv+tq2r54Bpu9UtWbvcHulb7o7vS+6wGdvjVxg76fGLA+r2OoPW9jO77BJJc+i00PPBmnVj5n+08/UqquPumrzj6afgE/Uy/WviKNzr1cdl2+1KZMPnZ/Oj4LgnU/2wTGPp2TGz/ONDA/oP5LvnTolb1FUxY+xZE6vpCBEb64w0c/3c2SPYe/CL3Ud0C94DOCvWsBFj8kOnA+TqMsPYajmD4tRjy/RExPPkHR8j4To6Q9cx9fv98maz4dXkm+jiuwvS/tkb61JK8950uiPlb/sj74wbi9hGyzvF/mYL2B8pg9WAuRv3oyzr6Z2N08K0OBPTjeuL1GpMg+AAuvPfl2Bb/bKDK+qX8FPlQ4YL43DfS7Qt6BvWAt2bzg/yY8JzK+PTf0bT0JaYe+i4N7PoAw+D0BuKE+nzEUP8wFF775jOY+b6MrPrzmWL4/6ZQ935gMviOQjT7S7Eo+Ly4PP/VHcz4uHow/8HCBPyF8jj5p66Q8IOkKPRutFT3btBq+ApRDPzmCSj54PiE80ARiPjGKHj6lD5A+xHFBPftryrsl5CK7lzF0vq0eODxRbvI+wN8Uvt6KODl7Q8q+HB5fvq5Z777XENU9iKyOPrFWSL68F4U+BXegvY/6CL+IwDO/8dTXvvRtSr/DMUS/g98HPyU36b2Vp0S9DXIPP/+Qpj5Ie1G/pJJpvuVDtT2/bRm+A4gtvYDTLb9fw6g9nIpLO3J+6z2xWRo/37+yvut3j77gzpE+t1vFPvQwkb6D1mS+aUVgO7RitT0rS6w+upuevuLkzr52UaM+Pok6v1pZ2b4mD/S+GKz4PgiuSb7NnAQ+dQwwvpPrLD4YXNg+s9ysPQBWqD5FUoc97QPDPQuX+j4Bfo8++vfyvncw7T0E2iC9Uayevj0srj7t0IG9J7XmvvFN6T42UzI/lHwwPmat0rxA5Ec/BkIHvQlSi77y7mm98Vn0vqMIkz6sFdS+OJQWP4pGgz2n3pY/FfLzPmQZMr6n/Sq+q5LbPgVTL76FVOk8y1qWP3kprj4jCU89UCZBPg1Jhz7m1d4+4stHPhyPOj61kA2+N3M9vpq7Gj4oMlk+upTWO0yLcb4nFIi+2XV1PKSlsr0wWr6+tk+bPkE9AT4A1Ng9RYCJvtP26L5YXye/UTSNvhKdK792d02/Pqz/PRs7yT2k5kW+C4S9PfaGOT57hkK/aMZWvrASDL6LL289MRBkviaKJb+tj989JCQHvjNJJD4iJKE+BOfNveW8/b6YEoC9liqCPy9Bib2P4fW7DVcHPyRRuz3o/9w9My+jvMLfD787pR8+XFhbv6SL8L0JnpW+nyJ3P2Schj4dHpa9npLFvbrtlz4gBXK+ggmcvmZy6j6iMhA+/dOovnTbWD4ld6g+jmUOvmzeYz58bUE+0yBAvjMRCT6CZ4s+EZ6hvpbjiz7Jq3A/ryOzvZDUcT4c+oy7w3cWvd7pjj0fH+a8XAFuvuOqwbyrBRW9fQTbvmQqSz4dL5U/E0pevhzwg74hR/m9BBwiPAiFAb+SRg290j4QP2p/pT7bN8Y8PTuyPUsT7r2BYJo9pPEePYrJkz4syPu9a1UZPr+alz4Nw+a+RCKTvnbbKb9qgBa/JRVWvAXvUb9VmaG+XySFPa1cXD4HLAU/5Wrgvs1qCj7T2la/o7h9venLfb9Yv1C/+c1RvSkyzT2pVrK+/Fc2PsGdQz4o6oa/zAWEvZzWrj5ZRg6+HZfdvoFo+76NnZa+v30DvkDRIT4K6t4+tWBcvUG2s77WwFI+TI1avVRhQr+5TIm+145avj/nsb158ig+cQIwvY0llz4sz8690dnkvpA3NL/5VJ6+sNQ5v7lKeb9OYo0+hAPQPIkyMb5ffCk/Ev8APrg/Fb91XuC+4GSWPp/mIr7EZtk9yv3QvkgBZDwmaeO+fuvyPf13FT8lv7y+sW7xvqGPsD5NsVg/+roFv+Y4ET45SJ8+oimgu7WO3T3cVM69SpTMvOomaD6hz8q+mRQBv2dDlb455Xo//P8GPixteL6NqLm90Wt3Pl6HLb/ICKq+02EpP2LBBj0JIpW+gJd2PQwSXj3WNyK9j7m6PZuCx73JF5Y7cZsFvjHpMT7FzCy/lwAOvnj6LT+V61K+k52UPn76br1sgLK+ppXbvZuGBj852ds+L2BGv5Iytz6lBgm/juL5PWuO7T7y732+Xm++vl96HL3c5VC/izmDvy/1z705xlO8UUBBPo7a/D4DlGK/RdexvpzWQr6SYQq/jAjKPmQeqD66gAa+ozjuPqItCr/7Mmq9FzlWv2HPET/SCJa9H9CPva+LdT0cMhg91A8LPhq3ID7eJMm9mf3wPrthGz/t1as+x/9wv0WesD6GZ+w947afPnbzEj2Ru2E+xwspPlwdIr72yxC+IMUFvtyBgz0TN4S+xxHVPv7Vhr7vgRu+0WAQPgaLTb6L7Ki+jO4tPy+B2L1E45y+LU76PkH+/7zmnOw958bHPPk1Ob5879I8zzhdPbXcWz7pmB0/s/UuP2p09T6DxKS+DKceP6SIiz6eE5k+r7tdvjJjFT0F6sK9Yyu/Po4Sa75OCbG9OsVjvtHX6j0+mhs/L0JuvjFIab191e89VEKVvcvgC77M/nM/nXmkPtbu2z7PWCe/AJTYPfs4CL7or7U9N65kPlVE4D3U54a+WLSTvvj9Sb4DOQ+/7WbNvuOJLj7+k1K/SlWkPehzeb01lyG9hSrKvZGXtT6JHxe/xr08PvC6Tr448q68qsrFu9+6B78dB609JbqGPr1Upr25LY4+iqGrPEzsLr+RkSG+e1KhvwR2Aj/uA9e+wanXvYPZLj5kOn2+TlEivre2cz6nrmk+tdJ7Pr3nWD96M/o9z65Yv00EWj+xhoI+JRuqPeSzubwFgww/yfkQPYFUEL16TOa9CBcgvtrEl72Psc49krsNP/Ehir6R/0e+B1ehPnX9T7zX2my+PttpP0CCTr7Z9gC+vKpDP7TQHj6BUwE/uLvePZxIkr4pMIK+++Q2vXbxMD5BVQw/ZXNAP6c3kz5ZK18+hRM8P+puP76tGrM94Z4EPb5ymr7sBx2+ZcFBP+oiGD7bpZ6+QoI1u1IKOj52SwY/yqs9vlsgQj4g+x0+1dc5v0PJbz4UCVA/FiRHvsKC3rzSDsu+ud8TvThvH79jDIC9KXA8Po8UmT7Z110+WODqvieQu76YvG+/wxO8vlZSLL9JXz6/iI69vMI9dbzLnpW+ckSJPaj24b13Vna/sHsevmE/vD2jGlC+iTCwPHovAL9GQCg9gMuZPQ3f6D0Re0A+SCi/vYGmKb8SVlS+uQQIvy7LDz/3vrG+PIM1vU4Ehjw+JL06IhAjPdiNtT7+HY8+2yBgPtV/Kj+9crG8UIdzvt40RD+5SHg9QYQiPmhXdb0pe20+J5MrPSR39z7lV6S+CrUxvBgnPLz+GSE9JD53PvV5Vr1EaZg8JZHqPcIZXb1UnJu+nqvwPkcJWj5JJLq+kxDrPkj2F70s93C9MGS3Pjkn7L1tbx6/IeENv828MD8jqWO+BRYJPxwf4rutjT29o2LGPpYIlT5E8Xu+0g4BP77HND+fJ8I9qYYpPnzOpr6CiZC+5JUVP6ANBT9hLdc9OhVdPg9qRL2tYM69zsQkPpqfj76WKh4/LIIGvrpr7L5pAzu/dJH1vmE3Pr/stIq+O/9zPcz+Bj4WjYE+OojAvtSQv74CpFm/Wkqsvqfii7/Gpo+/BXnSPrdBlz7oOou+zS8BPweJZj4hQI+/mdT2va1McL01Zgq+JnNHvtGSYr8P+As+MfKivpCp4jz8330//f/LvVwY7b5CODO+lWygvK/wGr+E7by90xznvkTs5r4gCu09/SRTPulsOj4gKjK+WSYgvkc3R7+gm689lW4svzFuML/VpaC9aWogPp1Nzb6Owsa+Bu8NPq6+E79AYc29x+QOvIKcq76gn7C+odyyvvSKrjxWGAI+C42Gviaqlj6jxrM8P/MYv3QOOL4Kdoi+e8ybvrH4MT5Gd+K+sltcviBsMj5YPZ8+euGzPOt1tb4LgkG9mGwfv1/bB749qS6/x48nv6ugPz2a1nI+fnK5vkAhCL6W8Rk+o5NfvzoOEz7YI4E+LYHEPPWi/71rNxa97kMPPtKhyj2HLjo9p86QPl/GRz6B6t6+zNenvXjhHr+0CUk+Id2DvPXIPL7fsgo98IAGvhQ+ij4udFM+WWvwPSXgoT6FzCU+hXQ3PgDbn7/gWQg+tf6LPmxSPD5fZgG9SK5yPsgeRz2oYYG+IH/RvZepLz12gCe+sodwvZ1jYD7tbPy9aI2PvlHkhD1xi2I8CIs8vpDx5D62bB690zoDv+CMOj8a48Y8DHd2PHL1Aj12jga/zoNfPuewhT5Gncw+92L6PnuDPz9Lh1A/GaQ8PiL6dD+YdrI7WLaDPiFozL05Dwq/foqoviA22D6lFBm+xvmOPct1wrx81q4990ntPpk12b1zSFA+6Y9CPqtA775P7IG9yl07P8rNv72Lt+q+AmUFvpIj3zyJjya+i8e5vkPKd75l1JI+tLbGPYK9jb65RCs/MNqcvXaADT+KGAG/LdeYvdVCz76MjN4+IH8Qv2RZAr+UROu8hZKCvrDkAj5nr8g+1VZRvgzugL5pQco+U1zUvnhM+b2MOJg9ex1AvpbEZj6aEYw+0owHPqvy0T3dlFe/H+6hvQ3WkL7iZpe+GpQaP+RWaj5OvXy92Ce5vtqztb6/DDK/a3YEv9IcEb8qfYC/zIdlPiGBW72oJgW+MzqYPsUu0D7yTha/X5mWPPnGNz5uNyA9JkjZvWRq8b67qVo+Zprau0WCar4so/c+nESnvlO6Y79ea/y9soV0v+kxMj9JV4i+MvSevsCLcrveZJG+EefTOzUJCj5N5Vg9faEGP5ayST+OdhM/KkYlv5PHRj/jHrc9x5CLPqgsej7Wy2s+fADDvIxYwz3CtJe+44MGPunpUD4D78Y9iS44PvLgSb5B46q+lJJ8PS8AD773ymm7BK9mP+Od9b3xlTM9fSEOPwRsXz30aAY+5tn2PYiMyb6Znz2+kqQsvoxJIz5Usr0+ThUVP4741z5A2i0+HRH7Puw8HD5IRW+98Q8RPumvnj63PpK+2Uk5PzKUg72If3y+sy2tPjnZmz2JGNk+aqjMvWO4Xr3wv2c+XxwPv3C5L7wqqy8/5majPKyhR7/gGi4+9pZZvqtbPL9b63e+zvuKvpkYSj5EBJY+DWXSvbf37T4DsPa+DSwfPpaVkb8OK+2+pdcoPnLe+j3PNqq+WfSiPp3MK721QIi/Swiovrt4bj37NoO+kzfnvQ8iF772FNu8DOeUvqtpAj9CP1g+D6eIvoL6hj5QGyC+FuIqvwaLoD1RNCW69DsZvtzAHj5XcwE9rA4VPgfwBD/5bHK+qFEvPgiQrD54tZk+u3lov2KeKT6IJi09Wo1KPjhIkb4v5NO9dERBPox1DT33foq+zNtUvUBrSb7BOo2+kkCaPsAnwr3ksLg9XFSWvS/ucr6srFm9JLeBPs4VMb5edfi+2JEQvtv4gb6jqQu/5eMFv28WC774MvA+30GVPmqTtr6qVgM/C00Gv5x34D7t0h6/3WgKv3cnur4AaqQ+T6pmvhBZMr+lV1Y9i0U7vw9zcT5z7Lw+fCosv9sdsb53NNS+dY0lvtEgAT6QErY+m4c/vt7K0T2pFaa+SUccvh5/JL8cBQs/m6s6vgla9LyRHJc8WH/dvtO0uT1tpdM+RMOrvBOaGj+zSic/geQWP7JV/75blsw+OwpAPn7lUD58/AI+jKStPoPuwb6CN28+ybGKvctbAb5lDSy+T0Pmvdu8DD+OCZq+nL2zviQSQj6xmcy+ScOCvmGtEz9+0cI5YChlPyc3rz4rdos+44+sPsIeMrt0I2c+MgcHvkgjwL7U7Uk+qLWevkNU+T7tVCM+MaijP5S9CD+nK4++ohufvsJ4OT6Im/e9hreRvgMQPj/+p2U+wKS1vWSdQj55UDY+CpmGPnGkuT1TIQg+c6ZBvglvlj21/I4+S273vVf2Ij6clQw/MYAzPyk1hT1CLww/Wta3PryCDr4hG/K97s1yvns2lT5rYqc9M5A8P1PZwj1oUWM/rRJKPzt+fL2T5Zm+llQYPoifJr4EP0m+uLlCP3Gn5T3xOb69+23cPTSdoz7qHbo+wqd0Ppn+ET4l7AG+9yHRvnITQz0eJg8/2rOQvIjLgr+F+PQ+CIifvur1bbtQUJo9eHv2PeFo+T0OP5Y95+kTPggb1LxmfQ8/2qnPvft/U79nQck+yPQ4PnOTBz77IYo97BTRPuzXAz+JboA+Opc4vvdUYz3+dow8tVaHvc2UcD5mEYS+vUfFvqbeWz0gZ7A9XDiuvohgRT9kMw69EI1Dv455BD6gmPK+poYMv4eFDb0wBRk+drHjPVBxqD7tqS6+zvawvXjXmb6lU1m+4So3v/9z5r5Zuao+jTWxPQjhJr6K6SA/YJBaPgSpOr8Lioe+U5Y1PvkgB75aTIO9jYPGvnctB76Hauk8YmGCPv+mEj4zTsa+K2nSPrPYNr7TVwC+i34rP2xQ/r0fQLk+y2MKPuI7er5Y8Lo8SrEBvG/QDz4fPLA9KzsxP5mWzj6PzFM/3TFdPyS89z0O1JM9yw2iPv+rHb1pLzq8UBcoP3fU7TyBxiG+UjUYva2ppT5J6ig+Qu4qPVtvD724JYg90b2uvh4Rtr7k4tY+ITt9vdRRdD+8OZ2+BIAOP8DpQD+VJEE8RZn+vXYXfD5+Sh2+kouwPSjXzb3rH0C+3Q8uPbBSaD+RIqI928r2vgH0sryBgP+81MJovzzeVb4mZP0+W76LPuGTbj7tlTq+YhvUvdJ86T4r+k8+9eC3PsR1XL7qYGm+KeYmPwIxN7/AJ+k9/O3zPsR6cz5hbFs+AY8pP94ctz5qtAM8gK9uPd7inr7XPSE+TzsrPgpO1T4qE828o59XPy0D/D6OA1K+mLkEPVrTbT6DXg2/gxPJvtFlCT+yKNA+5ujwPXfl7j2JtLm9S7+7PjqBhj0NV+U+VNpwvhCjoL4V5Yc+uhB/PGnc2L2kMDu/UNL9Pui+8r6wVsI8x6+SPoRFJj60e4C+4CX4PevKsj5q+cU8miwlP00VPL7TPAm/M90rPxh1Mj54EuC9Y1J2Pgb3BT93JQg9bR4evXElW75eGMM8WnZjPrWGkj40MlM+jEEjvoEBNr7b8zE9Y1N4vksrwL7cZCE//5eCvedxMj79KAg/z2xqvkH0bj47fnc+V0XwvUzeqb6ZTmu9i8ApP5Xdh72WLfM+z8MqPcP65D7QPFk/HAtRPlyXib5rxi0+2wX1PoWJi7xQ9tE+Dm4JPe7UTL5gyvE+PDaBPu9MMj0M7y29qHgcvoN0bj637hS+OCQtvaOaVT9NXZE8BUnrvfV1Eb/O7za+o+Hzvgdr2D2teNE9vkhwPUQMFT5lFz++sB5rvcW6Bb+cLL++hwlKv5/5K7/OLJY+hDidPK+uBz4hbCk/kTERPhkoP7/Tewm+jXeGPeC8rz2i2W0+EMv+vgMzAL5cLfm+jzsGvYcmHz8v1be+MpxmvpXOnrwVoLG+i63rvdmbD7+iuAi/UuU0vAA9xz5Ttci9GfuxPc7+L773bTC/2WwrvwdzLb7C1WC/iO0Kv9kxCT/dB6s+kqCePh/VdT+L1rY+sKRAv+PiB7/JqN69G+brvdj3vz6YLiC/Bzs4Pvaozb7tvsC9cdKkPs6ADL90tfa+qbQBPTgvgj9BQ6U+foBNP+W4ID/3iKm+Yjuxvtanuz59dtA8zQ8vPeeDPD9kzR8/rhu0PsRBdD+6thY/yHgvvz1F/r2NGKq+ca6Sv8+Qnr5ufns/FGT0PoFtkT66tiC9k+qCvrOKkj6dzwY9fo8xP1gnOjzJXQm/ahVGP73cnD5+tgC/0nslvmQ41r6gzH69sncSv6wTcr67JYI79s6iPrWlUT4po/a++byePdLP+L5mdwM9AsEev1M+Kb+gQKW+uNtoPqt3ob4izqq+IXYzva/CTL+whIg944OAPqjbN75kPvC+It5svnaBOr4v+5E9kkiLPv5zqr3ybuM9lgGFvg4HA7xwTVC/2yaZPjr2Bb79ChY6snRZvP4yj76+OoA+2IysPqHPs74Bwlo/6hIlPoi3pD7FN36/GW6ouyzferwnzhk+6OTAvXaApT0l0yM9shITvxlLYb6aYq8+j+jOvumimr4kRlI+qRKwvrcdFT2qIwI+9nzZvVtyBb3J1po+SPe7Pr7AvD5LDo8+G1EIPnkxGj+X9CA+mqkXPYzKwrwwyRi/pADnPkYfCr88ihs/FpnUO9cSVj9l/DA/osduPpgxgr4fNAM/tBUdP7juaj04kyo/nPghPnxvib70D4c+vs6nPsfaaj5EOko9cdqUvabBab77eMG9CI6Gu/4fuz6jfDe8KYJ4vYmnl73K+os+1q6ivWXBkb5DR2i+2YYtPqyM4T1jTai+lG/lPuAg6LtTxLw+ZVIUvuM+kzxRH3i+9jkPPltyur64mNq+JT0rvvOAXLwuEHk+Hh8KPtlfUr4yhpm+IFyFPkC8gjyAh3M+yhlLPqfT172RlqA+FN49PQiFiD7/rUI+FqHsOyJ2br7WXcY+/lfOPv32iL4miWW++J/Xviw0Yb3QajU/veb4vmrYZLzjIsG+dFvgveB0FD/rAD2/SpcWvxo/SL9246e/i8H6vnxeLL9x/Z09ESR/P0b2jz+LQLk9EU8ePul0qj48uqG+UFoSP82YrL5ao4Y/GSlzvrwtEL/7N6g+4h1BPyz/Gr9lo1y+qjsgP8/PYj2P1oU8JMAHP94CRr+zeqo+mNNJPykmwj112TM/3GSQvv3Frj7Ahow+noSzPhuARr8SGAA+w+qgPqV9J785OlK+iwV7vg7Mhb5/kTo/5cKBvpg7B798lhm/l8YGv47HOT9yCAK/JZcpv0HJEL99K1q+dZ2fvlGu2r7o/GE/9UIaPwScAD8klDs+3xuqvsY6BT4XRbe9OX68PkwgpD78Jlw/yADkPe7W675JlQK+JyEbvzMuVj5fz5E+SZUtPaa2Kj6avO48SlEcvzequj4YTK4+46swvxY8Ub7x+wG/gdyQPmI8Nb1uW6k+wx5XP5/mMD9uJTu/AWgFvyQbGD8FKfk9QltxPv6F/T3VXeu+X/13Pu1nVj8Ltd6+jrXBPlrQtb7drmm+ai5YPpeMtr2hTxU/cyq+vpAl/D1tI/c+0IrWPk5rpD7uUMY+Hbr+vhBZEr0WKDE/nolFPlwTyD6L8P++6boRv4TfkD1WW1w9Itb2Psro4L7zhxK/2LsUP624Oj8CtCo/pdm1OyDZ476OG4M9XfzaPtkWCT/JS9s+YQu5vuiWPL7dMmi+wDLlvp6N877hhgk/+DOsvYsfCj9CoEs+aC0sPh0Z1b5eibo+q56nPlcvK79NJX09auUEv+KtQT8k4tE9I/WLvshbt75kfgG/xMKsPleztT5H5o89cxJGPnGb97zHk0O/+aYuvkhOxr2wpm+/lBI9P5VuRL/ekqA+RkN8vffDcL/nrl297udMP/swM7+t4bq95/aVPvkhnTtMuM8+4t4tP1J5Vb+xUB89v9N0P+JZSD69ZnU/Gk6evn6z7j6daPa+h8wfvuhLCr+Auws/g/WTPkx8OL9lTgK/1KlXvn/hFb+UNRs+WAPDvjxyKr80XAY///85v7D6Jj9CAEu/3W5Mv/hvXL+Y7Za/YCj+vu7yXb/AMB8/oG5JP+vqkz+0Obw+iFoVv0B8OT+TF6q9+W+UvZi0AD88up0/XPxwvRsHhL87vwe+/3JeP1Nnpb7vYke9E9BWP08Tvj2WjCE+CfYcP1SwEb+Odew+pyJaP0aoWj5XbRo/hZFMvoPkfb49aQG/34uSPcy1+j5IiVu+JL8Uv+TxDz9GtAo/RBK0PpDIMz3//oa+WmzqPiZkVrx8eQe+EikcPledtr4quli+yzehvmRDgb75/tc+920Mv7GFgL5dAzO+mREZPwVPnD40WjE+RDvBvQ6itD5T/2k+wUT3Pp+UGj68iSS+7QNIPs+qgL0LInG+/Dv4vhmcST845Dg+mh3GvdLAWb4l7bA84XDAvs8Qzz7G3uc8xWwDv/asOL6heAi/GWwMP4Pwi78RTTg+lEDHvnR1Az9rk8m+jZsLv3VSaz9KMzs/W0WFP24O6zugmxy/RhXrPn4/Cj6emu88ww4hvnyhsr4SoAa/pAdOO+GwW7xQVhA/tWryvfxwAr4HtxY/v9U6PifK+z6KBQs/c/4kv7JIAT756Q8/7XeuvifQ5D57SRK/OYhBv/QVfr9ME+6+rWnQPdS8eL+kRwy/Wq/FPuQ7kT5XaPY+lh0rPz/wOb8RIsM+Ey3bPvepTL2kCic/NWz1PnQ/XT7SdKI765OEPsJyXb89Xc0+dHPEPtU5Tr/AhPu+3uGzvt2C8r52nT4/6fTEvtTF276Y++K+TRVFvvwwAj8r9Vs+yHvKPtmRhD4yTPU+bL1ivjM82L707p8+gx9TPiG0vz4fQgM/0f0wvyueqDpwzj8/iX6iPkqxBT9dtvG+/q/3Pl35zTubwme+jJZ5vsiJoz7wH+A+e0XAvc9uN74D8aG9LOIVv0dB+j4rhGC+Xvb6vveSIT2Sfw+/hidYPjYMzD59vQi+JOnqvpfzNb85SGM+aHGdPg1b3r49fVg9KpS7vi6PKL/UbEQ+A+eCPTlL+L6NVhu+Ps1avwTfNz4DaYy+OylKv2UWlr61Q4m+cFQXPp9ORr4Wrwi+/yRvPmWPHT/EaAC/MxakvKGv0z1JrzW/myPbPri1Ab9094M+C4P8PrizID8yMOA+6D0cv2473D4QYu0949WNvv/Hub5y4B2/MkIHvo+i0T2nv5i+S6MFPRoHqb6hbEK+AfnLPpNHkT6ek6w+xFKwPmkL/r4dIUY+c3B9PoBOIb+MVmm+BmAAvz0ga748T78+2ZhJv32du72MxoW+zek+vvT6hD7oXbO8HZBAvi4Zlb3zDcc+ki0lviPvFb9J8Wo+8GCIPtp86j5Ahk4+B1vAvn07/D4P9X6+19X8PgK1Ur4rF+2+zj38PlrAwz4rP/8+JtO6PgQVKr9z/3g9dPKKvVyx8b7PQbe7lUfePimV0b3Mh3Q9AAn7PgkZwr7bxzM/Y0qKvF7dPz9d8Bw/UKEPPwUJ8b6uR/c+Q2e2Pb+aGr/f/wC/SSoLv5RWfL5HkP8+cp5nvzvlTz0Bs5e99pNDvqqvuD5/r58+rlNZv0hyPj5maHk/MHI4vdX4zb3PhBs//mqcvlSp474aIlE/fCYdv7j27T6XI2I/7a/cvWDUhT8azdW+GCYkvn7Q+b0Ej7U9ITGIPtJDQb5RZqC8172dvr7mRb7sN1u+0yuDPnwWxztZZIU+pdmSPsy5ET9MB2I+he4HvnCBj782d/09hpg9P1kFGb+bXzo/FMSqvrupsb3ud/m+dLQ8P1TrYb+C/qQ9L/8vP8/lg7/c9zw/HNiCvge8gb+K4Is/+CwpP1y7AD/jG+++Lm11v/8ejz9h4uO+wmtWv+lJVz99JTK/pE1/v2anNz81t7G/Ywt6P+irLb+0kYg/NpKGv/johD9t9c89slNnvwxAA7xa+Qm/S6WsP0sGLD9aMzY/nFeYv72ihD6yya2/5SuLP7p/3z6sEQy/vyfHvrX8GT9Oy1S+OLMHvw=="
  }
 }
];
