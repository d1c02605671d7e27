# A workload account of ${{ values.name }} (the guide's
# applications/<app>/<account>). One file per stage that runs here.

terraform {
  required_version = ">= 1.6"
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 6.0"
    }
  }
}

provider "aws" {
  region = "${{ values.staging.region }}"
}

data "aws_caller_identity" "this" {}
data "aws_partition" "this" {}
