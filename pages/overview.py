import streamlit as st
from dashboard.context import page_header
ctx = page_header('overview', 'placeholder')
